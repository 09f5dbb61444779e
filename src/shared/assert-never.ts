export function assertNever(value: never, context = "valeur"): never {
  throw new Error(`Unexpected ${context}: ${JSON.stringify(value)}`);
}
