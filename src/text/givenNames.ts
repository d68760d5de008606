/**
 * Given names people type for one another: "Mike" for Michael, "Jim" for James. A short list of
 * the commonest English forms, each group one name; a name may stand in two groups ("Harry").
 */
const GROUPS = [
  'michael mike mick mickey',
  'william bill billy will willie',
  'robert bob bobby rob robbie bert',
  'james jim jimmy jamie',
  'joseph joe joey',
  'thomas tom tommy',
  'richard dick rick ricky rich',
  'edward ed eddie ted teddy ned',
  'anthony tony',
  'daniel dan danny',
  'david dave davy',
  'stephen steven steve',
  'christopher chris',
  'nicholas nick nicky',
  'benjamin ben benny',
  'samuel sam sammy',
  'alexander alex sandy',
  'andrew andy drew',
  'peter pete',
  'john jack johnny',
  'jonathan jon',
  'matthew matt',
  'patrick pat paddy',
  'lawrence laurence larry',
  'gerald jerry gerry',
  'ronald ron ronnie',
  'donald don donnie',
  'kenneth ken kenny',
  'timothy tim timmy',
  'gregory greg',
  'jeffrey geoffrey jeff geoff',
  'frederick fred freddie',
  'charles charlie chuck chas',
  'henry hank harry',
  'harold harry hal',
  'albert al bert',
  'alfred alf fred',
  'eugene gene',
  'leonard leo len lenny',
  'raymond ray',
  'vincent vince',
  'walter walt',
  'elizabeth liz beth betty lizzie',
  'katherine catherine kathryn kate kathy cathy katie',
  'margaret maggie peggy meg',
  'susan sue susie',
  'jennifer jenny jen',
  'deborah debbie deb',
  'victoria vicky',
  'rebecca becky',
  'patricia pat patty trish',
  'barbara barb',
  'dorothy dot dottie',
  'theodore ted teddy theo',
  'zachary zach',
  'nikolai nikolay kolya',
  'dmitry dmitri dimitri',
  'sergei sergey',
  'vladimir volodya',
].map((g) => g.split(' '));

const BY_NAME = new Map<string, Set<string>>();
for (const group of GROUPS)
  for (const name of group) {
    const known = BY_NAME.get(name) ?? new Set<string>();
    for (const other of group) if (other !== name) known.add(other);
    BY_NAME.set(name, known);
  }

/** Other forms of a given name ("mike" -> michael, mick, mickey), lower-case; none for an unknown name. */
export function givenNameForms(name: string): string[] {
  return [...(BY_NAME.get(name.toLowerCase()) ?? [])];
}

/**
 * A full name with its first word in each other form ("Mike Flynn" -> "Michael Flynn", ...), in the
 * case the first word was written in.
 */
export function nameVariants(fullName: string): string[] {
  const [first, ...rest] = fullName.trim().split(/\s+/);
  if (!first || !rest.length) return [];
  const capital = /^\p{Lu}/u.test(first);
  return givenNameForms(first).map(
    (form) => `${capital ? form.charAt(0).toUpperCase() + form.slice(1) : form} ${rest.join(' ')}`,
  );
}
