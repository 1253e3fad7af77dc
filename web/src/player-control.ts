import { useEffect, useRef, useState } from 'react';

/** One frame when the video was not probed: 1/25 s (PAL, the commonest broadcast rate). */
export const DEFAULT_FRAME_RATE = 25;

/** How the video is moving: paused, forward at a rate, or back at a rate (J/K/L shuttle). */
export interface Shuttle {
  readonly direction: -1 | 0 | 1;
  readonly rate: number;
}

const RATES = [1, 2, 4, 8];
const faster = (rate: number) => RATES.find((r) => r > rate) ?? RATES[RATES.length - 1]!;

/**
 * J/K/L shuttle and frame steps over a <video>, as editors know them: L plays, and plays
 * faster at each press; K pauses; J runs backwards, faster at each press. Browsers do not
 * play backwards, so J steps the time back on a timer.
 */
export function usePlayerControl(
  video: React.RefObject<HTMLVideoElement | null>,
  frameRate: number | null,
) {
  const [shuttle, setShuttle] = useState<Shuttle>({ direction: 0, rate: 1 });
  const timer = useRef<number | null>(null);
  const stopReverse = () => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopReverse, []);

  const frame = 1 / (frameRate ?? DEFAULT_FRAME_RATE);

  const pause = () => {
    stopReverse();
    const v = video.current;
    if (v) {
      v.pause();
      v.playbackRate = 1;
    }
    setShuttle({ direction: 0, rate: 1 });
  };

  const forward = () => {
    const v = video.current;
    if (!v) return;
    stopReverse();
    const rate = shuttle.direction === 1 && !v.paused ? faster(shuttle.rate) : 1;
    v.playbackRate = rate;
    void v.play().catch(() => {});
    setShuttle({ direction: 1, rate });
  };

  const backward = () => {
    const v = video.current;
    if (!v) return;
    v.pause();
    const rate = shuttle.direction === -1 ? faster(shuttle.rate) : 1;
    stopReverse();
    const tick = 100;
    timer.current = window.setInterval(() => {
      const next = v.currentTime - (tick / 1000) * rate;
      v.currentTime = Math.max(0, next);
      if (next <= 0) pause();
    }, tick);
    setShuttle({ direction: -1, rate });
  };

  /** One frame forward (1) or back (-1), pausing first. */
  const step = (frames: 1 | -1) => {
    const v = video.current;
    if (!v) return;
    pause();
    // Land inside the frame, not on its edge, so rounding never shows the previous one.
    const at = Math.round(v.currentTime / frame) + frames;
    v.currentTime = Math.max(0, Math.min(at * frame + frame / 4, v.duration || Infinity));
  };

  return { shuttle, pause, forward, backward, step, frameSeconds: frame };
}

/** True when a key press belongs to a field the user is typing in, not to the page. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(type);
}

/**
 * Page-wide single-key shortcuts: `keys` maps a key (`a`, `+`, `,`) to its action. Ignored
 * while typing in a field and with Ctrl, Alt or Meta held, so browser shortcuts still work.
 */
export function useKeys(keys: Readonly<Record<string, (() => void) | undefined>>): void {
  const current = useRef(keys);
  current.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const action = current.current[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
