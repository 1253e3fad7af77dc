import { z } from 'zod';

// The body fields a clip render and a gifset share: ids, times, and how the GIFs look.

export const id = (what: string) =>
  z
    .string({ error: `give the ${what} id` })
    .trim()
    .min(1)
    .max(200);

export const crop = z.enum(['full', 'square'], { error: 'crop must be full or square' });

export const ms = (name: string) =>
  z
    .number({ error: `${name} must be a time in ms` })
    .int(`${name} must be whole ms`)
    .min(0, `${name} must be at least 0`);

export const width = z
  .number({ error: 'width must be a number of pixels' })
  .int('width must be whole pixels')
  .min(32, 'width must be at least 32')
  .max(1920, 'width must be at most 1920');

export const fps = z
  .number({ error: 'fps must be a number' })
  .min(1, 'fps must be at least 1')
  .max(60, 'fps must be at most 60');

export const maxBytes = z
  .number({ error: 'maxBytes must be a number of bytes' })
  .int('maxBytes must be whole bytes')
  .min(1000, 'maxBytes must be at least 1000 (1 KB)')
  .max(1_000_000_000, 'maxBytes must be at most 1 GB');

export const captionFields = {
  captions: z.boolean({ error: 'captions must be true or false' }).default(true),
  speakers: z.boolean({ error: 'speakers must be true or false' }).default(false),
};
