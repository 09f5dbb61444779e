/** Page builders for the tracking routes (plain .ts callers). */
import type { VNode } from "preact";
import { TrackingLookupPage, type TrackingLookupProps } from "./tracking-lookup-page.tsx";
import { TrackingPage, type TrackingPageProps } from "./tracking-page.tsx";

export const trackingView = (props: TrackingPageProps): VNode => <TrackingPage {...props} />;
export const trackingLookupView = (props: TrackingLookupProps): VNode => <TrackingLookupPage {...props} />;
