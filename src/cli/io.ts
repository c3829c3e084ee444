/** Output channels of a CLI command (injected so tests can capture them). */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** Splits argv into flags (with values where the flag takes one) and positional arguments. */
export function parseArgs(
  argv: string[],
  spec: { flags?: string[]; values?: string[]; multi?: string[] },
): { flags: Set<string>; values: Map<string, string[]>; positional: string[]; unknown: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  const unknown: string[] = [];
  const takesValue = new Set([...(spec.values ?? []), ...(spec.multi ?? [])]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (takesValue.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) {
          unknown.push(`${name} needs a value`);
          continue;
        }
        values.set(name, [...(values.get(name) ?? []), v]);
      } else if ((spec.flags ?? []).includes(name)) {
        flags.add(name);
      } else {
        unknown.push(a);
      }
    } else {
      positional.push(a);
    }
  }
  return { flags, values, positional, unknown };
}
