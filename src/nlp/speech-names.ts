import type { PeopleIndex } from './people-index.js';

/**
 * The characters a line of dialogue names (`Rose, you are worth it` -> ROSE), found cheaply
 * without tagging: capitalised words, alone or in pairs, that resolve to a known character.
 */
export function namesInSpeech(text: string, people: PeopleIndex): string[] {
  const out: string[] = [];
  const words = text.match(/\p{Lu}[\p{L}'’-]*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/['’]s$/, '');
    const pair = i + 1 < words.length ? people.resolve(`${w} ${words[i + 1]!}`) : null;
    const name = pair ?? people.resolve(w);
    if (name !== null && !out.includes(name)) out.push(name);
    if (pair !== null) i++;
  }
  return out;
}
