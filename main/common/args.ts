/** Minimal argv parsing: positionals, "--flag value", "--flag=value", boolean flags, "-o value". */
export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const BOOLEAN = new Set(['json', 'dry-run', 'provinsi', 'full', 'help', 'ganti-kunci', 'zip', 'draft', 'siap-tte']);

/** A switch (--json, --dry-run): present or not; every other flag takes a value. */
export function sakelar(name: string): boolean {
  return BOOLEAN.has(name);
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-o') {
      flags.set('o', argv[++i] ?? '');
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      else {
        const name = arg.slice(2);
        const next = argv[i + 1];
        if (BOOLEAN.has(name) || next === undefined || next.startsWith('--')) flags.set(name, true);
        else flags.set(name, argv[++i]!);
      }
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
