/** Page builders for the routes (plain .ts files): each returns the VNode of a whole page. */
import type { ComponentProps, VNode } from "preact";
import { FaqPage } from "./faq-page.tsx";
import { FichePage } from "./fiche-page.tsx";
import { HomePage } from "./home-page.tsx";
import { AccessibilityPage, LegalNoticePage } from "./legal-pages.tsx";
import { LocalItemPage, LocalItemsListPage } from "./local-items-pages.tsx";
import { ThemesPage } from "./themes-page.tsx";

export const homeView = (props: ComponentProps<typeof HomePage>): VNode => <HomePage {...props} />;
export const themesView = (props: ComponentProps<typeof ThemesPage>): VNode => <ThemesPage {...props} />;
export const ficheView = (props: ComponentProps<typeof FichePage>): VNode => <FichePage {...props} />;
export const faqView = (props: ComponentProps<typeof FaqPage>): VNode => <FaqPage {...props} />;
export const localItemsListView = (props: ComponentProps<typeof LocalItemsListPage>): VNode => (
  <LocalItemsListPage {...props} />
);
export const localItemView = (props: ComponentProps<typeof LocalItemPage>): VNode => (
  <LocalItemPage {...props} />
);
export const legalNoticeView = (props: ComponentProps<typeof LegalNoticePage>): VNode => (
  <LegalNoticePage {...props} />
);
export const accessibilityView = (props: ComponentProps<typeof AccessibilityPage>): VNode => (
  <AccessibilityPage {...props} />
);
