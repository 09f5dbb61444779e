import type { VNode } from "preact";
import { ResultsAdminPage } from "./results-admin-page.tsx";
import { ResultsPreviewPage } from "./results-preview-page.tsx";

export const resultsAdminView = (props: Parameters<typeof ResultsAdminPage>[0]): VNode => (
  <ResultsAdminPage {...props} />
);
export const resultsPreviewView = (props: Parameters<typeof ResultsPreviewPage>[0]): VNode => (
  <ResultsPreviewPage {...props} />
);
