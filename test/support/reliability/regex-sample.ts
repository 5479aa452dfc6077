// Makes one short string that a regular expression accepts, for the schema sampler: field formats (mobile, ids,
// plate numbers, unit numbers …) that features declare with `.regex()` get valid samples without a table entry.
// Covers literals, escapes, classes, groups, alternation and quantifiers; lookarounds are skipped and the result
// is checked against the pattern by the caller.

/** Character preferences, tried in turn: a lookahead the generator skips may want digits, or capitals. */
const FLAVOURS: ReadonlyArray<readonly string[]> = [
  ['a', 'A', '0', '1', '中', '-', '_', ' ', '.', 'x', 'Z', '9'],
  ['0', '1', '9', 'a', 'A', '中', '-', '_', ' ', '.'],
  ['A', 'Z', '0', 'a', '中', '-', '_', ' ', '.'],
];

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly flags: string,
    private readonly chars: readonly string[],
  ) {}

  /** alternation := sequence ('|' sequence)* — the first alternative is the one produced. */
  alternation(): string {
    const first = this.sequence();
    while (this.src[this.i] === '|') {
      this.i += 1;
      this.sequence();
    }
    return first;
  }

  private sequence(): string {
    let out = '';
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      const [min] = this.quantifier();
      out += atom.repeat(min);
    }
    return out;
  }

  private quantifier(): [number, number] {
    const c = this.src[this.i];
    let range: [number, number] = [1, 1];
    if (c === '?') range = [0, 1];
    else if (c === '*') range = [0, Infinity];
    else if (c === '+') range = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return range;
      this.i += m[0].length;
      if (this.src[this.i] === '?') this.i += 1;
      const min = Number(m[1]);
      return [min, m[2] ? (m[3] ? Number(m[3]) : Infinity) : min];
    } else return range;
    this.i += 1;
    if (this.src[this.i] === '?') this.i += 1; // lazy
    return range;
  }

  private atom(): string {
    const c = this.src[this.i]!;
    if (c === '^' || c === '$') {
      this.i += 1;
      return '';
    }
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i += 1;
      return this.chars[0]!;
    }
    if (c === '\\') return this.escape();
    this.i += 1;
    return c;
  }

  private group(): string {
    this.i += 1;
    let lookaround = false;
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.i += 2;
        lookaround = true;
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        this.i += 3;
        lookaround = true;
      } else if (rest.startsWith('?<')) {
        this.i = this.src.indexOf('>', this.i) + 1;
      }
    }
    const inner = this.alternation();
    if (this.src[this.i] === ')') this.i += 1;
    return lookaround ? '' : inner;
  }

  private escape(): string {
    const c = this.src[this.i + 1]!;
    this.i += 2;
    switch (c) {
      case 'd':
        return '0';
      case 'D':
        return 'a';
      case 'w':
        return pickChar('\\w', this.flags, this.chars) ?? 'a';
      case 'W':
        return '-';
      case 's':
        return ' ';
      case 'S':
        return 'a';
      case 'b':
      case 'B':
        return '';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'u': {
        const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
        if (!m) return 'u';
        this.i += m[0].length;
        return String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
      }
      case 'x': {
        const hex = this.src.slice(this.i, this.i + 2);
        this.i += 2;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case 'p':
      case 'P': {
        const end = this.src.indexOf('}', this.i);
        const body = this.src.slice(this.i - 2, end + 1);
        this.i = end + 1;
        return pickChar(`[${body}]`, this.flags, this.chars) ?? 'a';
      }
      default:
        return c;
    }
  }

  private charClass(): string {
    const start = this.i;
    this.i += 1;
    if (this.src[this.i] === '^') this.i += 1;
    if (this.src[this.i] === ']') this.i += 1;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      if (this.src[this.i] === '\\') this.i += 1;
      this.i += 1;
    }
    this.i += 1;
    const source = this.src.slice(start, this.i);
    return pickChar(source, this.flags, this.chars) ?? 'a';
  }
}

function pickChar(classSource: string, flags: string, chars: readonly string[]): string | null {
  let re: RegExp;
  try {
    re = new RegExp(`^${classSource}$`, flags.replace(/[gy]/g, ''));
  } catch {
    return null;
  }
  for (const c of chars) if (re.test(c)) return c;
  // The class's own first member (e.g. 京 in a plate-number class).
  const first = /^\[([^\\\]^])/.exec(classSource)?.[1];
  return first !== undefined && re.test(first) ? first : null;
}

/** A short string the pattern accepts, or null. */
export function sampleForRegex(pattern: RegExp): string | null {
  const check = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  for (const chars of FLAVOURS) {
    try {
      const candidate = new Parser(pattern.source, pattern.flags, chars).alternation();
      if (check.test(candidate)) return candidate;
    } catch {
      /* try the next flavour */
    }
  }
  return null;
}
