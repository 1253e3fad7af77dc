// Shared by text normalising (`fifth` -> `5th`) and name matching (`the Second Elder` is the
// speaker labelled 2ND ELDER).

/** Ordinal words and their digits: `fifth` -> `5th`. */
export const ORDINALS: ReadonlyMap<string, string> = new Map([
  ['first', '1st'],
  ['second', '2nd'],
  ['third', '3rd'],
  ['fourth', '4th'],
  ['fifth', '5th'],
  ['sixth', '6th'],
  ['seventh', '7th'],
  ['eighth', '8th'],
  ['ninth', '9th'],
  ['tenth', '10th'],
]);
