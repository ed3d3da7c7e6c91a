// The study screen's keys, queued so none is lost. A reviewer who knows the cards presses Space
// and a rating faster than an answer is saved and the next card drawn: each key waits its turn and
// applies, in the order pressed, to what is on screen once the screen has caught up. A rating
// applies only to an answer side that has been painted (seen), never to a question, and a key that
// means nothing when its turn comes (a rating on the question side, Space on an answer already
// shown) is dropped rather than applied to something else.
import { useEffect, useRef } from 'preact/hooks';
import type { Rating } from '../main/contract.ts';

export type StudyKey = 'reveal' | Rating | 'bury' | 'suspend' | 'edit' | 'undo' | 'home';

/** What the screen shows now, as the last render saw it. */
export interface StudyNow {
  /** Changes identity whenever the screen shows something new (another card, its answer). */
  view: unknown;
  hasCard: boolean;
  revealed: boolean;
  /** An answer or a card action is being saved. */
  pending: () => boolean;
}

export interface StudyActions {
  reveal(): void;
  answer(rating: Rating): void;
  bury(): void;
  suspend(): void;
  edit(): void;
  undo(): void;
  home(): void;
}

/** Runs `then` once the frame being prepared now has been painted. */
function afterPaint(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  });
}

const RATING_KEYS: Record<string, Rating> = { '1': 1, '2': 2, '3': 3, '4': 4 };

/** The study key a key press means, or null when it is not one (or belongs to the focused control). */
function studyKey(e: KeyboardEvent, busy: boolean): StudyKey | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') return 'undo';
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  // Typing an answer into the card's box: only Enter does something there, and it shows the answer.
  if (e.target instanceof HTMLInputElement) return e.key === 'Enter' ? 'reveal' : null;
  const rating = RATING_KEYS[e.key];
  if (rating) return rating;
  if (e.key === '-') return 'bury';
  if (e.key === '@') return 'suspend';
  if (e.key === 'e' || e.key === 'E') return 'edit';
  if (e.key !== ' ' && e.key !== 'Enter') return null;
  const control = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('button, a, input, textarea, select') : null;
  // Space and Enter show the answer; on another control (Undo, Bury, a rating button, a link) they
  // press that control, unless keys are already waiting, when they keep their place in the queue.
  if (!control || control.id === 'show-answer' || busy) return 'reveal';
  return null;
}

export function useStudyKeys(now: StudyNow, actions: StudyActions): void {
  const live = useRef({ now, actions });
  live.current = { now, actions };
  const queue = useRef<StudyKey[]>([]);
  /** The view last painted: a rating waits until the answer it rates has been on screen. */
  const painted = useRef<unknown>(null);

  const drain = useRef(() => {
    while (queue.current.length) {
      const { now, actions } = live.current;
      // Resumed by the paint of the next card, or of the answer just shown.
      if (now.pending() || painted.current !== now.view) return;
      const key = queue.current.shift()!;
      if (key === 'undo') return actions.undo();
      if (key === 'home') return actions.home();
      if (!now.hasCard) continue;
      if (key === 'reveal') {
        if (!now.revealed) return actions.reveal();
      } else if (typeof key === 'number') {
        if (now.revealed) return actions.answer(key);
      } else return actions[key]();
    }
  });

  // After every render: once it is painted, the keys waiting for it go on.
  useEffect(() => {
    const view = now.view;
    afterPaint(() => {
      if (live.current.now.view !== view) return;
      painted.current = view;
      drain.current();
    });
  });

  useEffect(() => {
    /** Space keys this screen took at keydown: their keyup must not press the button focused since. */
    let tookSpace = false;
    const onKey = (e: KeyboardEvent) => {
      // Escape leaves in its turn: the answers pressed before it are kept, not dropped on the way out.
      if (e.key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        queue.current.push('home');
        return drain.current();
      }
      const busy = queue.current.length > 0 || live.current.now.pending();
      const key = studyKey(e, busy);
      if (key === null) return;
      e.preventDefault();
      if (e.key === ' ') tookSpace = true;
      queue.current.push(key);
      drain.current();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && tookSpace) {
        tookSpace = false;
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
