/** The commitments pages as plain functions returning a tree, for the route file written without JSX. */
import type { VNode } from "preact";
import { CommitmentEditPage } from "./commitment-edit-page.tsx";
import { CommitmentsPage } from "./commitments-page.tsx";

type PropsOf<T> = T extends (props: infer P) => unknown ? P : never;

export const commitmentsView = (props: PropsOf<typeof CommitmentsPage>): VNode => (
  <CommitmentsPage {...props} />
);
export const commitmentEditView = (props: PropsOf<typeof CommitmentEditPage>): VNode => (
  <CommitmentEditPage {...props} />
);
