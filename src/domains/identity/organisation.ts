export type Organisation = { id: string; slug: string; name: string };
