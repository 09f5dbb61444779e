/** Back-office pages as plain functions returning a tree, for route files written without JSX. */
import type { VNode } from "preact";
import { BackofficeErrorPage } from "./backoffice-error-page.tsx";
import { DashboardPage } from "./dashboard-page.tsx";
import { DeletePage } from "./delete-page.tsx";
import { ItemFormPage } from "./item-form-page.tsx";
import { LoginPage } from "./login-page.tsx";

type PropsOf<T> = T extends (props: infer P) => unknown ? P : never;

export const loginView = (props: PropsOf<typeof LoginPage>): VNode => <LoginPage {...props} />;
export const dashboardView = (props: PropsOf<typeof DashboardPage>): VNode => <DashboardPage {...props} />;
export const itemFormView = (props: PropsOf<typeof ItemFormPage>): VNode => <ItemFormPage {...props} />;
export const deleteView = (props: PropsOf<typeof DeletePage>): VNode => <DeletePage {...props} />;
export const backofficeErrorView = (props: PropsOf<typeof BackofficeErrorPage>): VNode => (
  <BackofficeErrorPage {...props} />
);
