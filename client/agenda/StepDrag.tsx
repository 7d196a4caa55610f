import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Step } from '../../shared/agenda/schema.js';
import { t } from '../i18n/i18n.js';
import { PathIcon } from '../ui/Icon.js';
import { type AgendaState, reordered } from './state.js';

/** A step being moved: by a pointer (mouse, finger, pen) following it, or picked up with its handle's keys. */
export interface Drag {
  id: string;
  name: string;
  from: number;
  /** Where it lands, as an index of the list it lands in. */
  to: number;
  /** How far the pointer moved the row (px); 0 with keys. */
  dy: number;
  by: 'pointer' | 'keys';
}

/** Material "drag indicator": the six dots of a handle. */
const HANDLE =
  'M11 18c0 1.1-.9 2-2 2s-2-.9-2-2 .9-2 2-2 2 .9 2 2zm-2-8c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm0-6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm6 4c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2zm0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2zm0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2z';
/** Within this distance of the scrolling panel's edge (px), a drag scrolls it (a long plan on a phone). */
const EDGE = 48;
const HELP_ID = 'agenda-drag-help';

/**
 * [AG1] Reordering the run sheet by its rows' handles. Pointer Events with capture (HTML5 drag and drop does not
 * work on touch): the row follows the pointer, a line shows where it lands, and the panel scrolls near its edges.
 * With the keyboard (or a screen reader's click) the handle is a button: Space or Enter picks the step up, the
 * arrows move the drop line, Space or Enter drops, Escape cancels; each is announced. One plan goes to the server
 * on the drop; until it answers, the list shows the new order.
 */
export function useStepDrag(agenda: AgendaState, steps: readonly Step[]) {
  const drag = useSignal<Drag | null>(null);
  const pending = useSignal<{ id: string; to: number } | null>(null);
  const said = useSignal('');
  const list = useRef<HTMLOListElement>(null);
  const pointer = useRef({ id: -1, startY: 0, y: 0, scroller: null as HTMLElement | null, scrollTop: 0, frame: 0 });
  const refocus = useRef<string | null>(null);
  const order = pending.value ? reordered(steps, pending.value.id, pending.value.to) : [...steps];
  const count = order.length;

  // After a drop by keys the rows move: the moved step's handle keeps the focus.
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const handle = list.current?.querySelector<HTMLElement>(`[data-handle="${CSS.escape(id)}"]`);
    if (handle && document.activeElement !== handle) handle.focus();
    if (!pending.peek()) refocus.current = null;
  });
  useEffect(() => () => cancelAnimationFrame(pointer.current.frame), []);

  async function drop(d: Drag) {
    drag.value = null;
    // A click on the handle (a pointer that did not move) says nothing.
    if (d.by === 'keys' || d.to !== d.from)
      said.value = t('agenda.drag.dropped', { name: d.name, position: d.to + 1, count });
    if (d.to === d.from) return;
    pending.value = { id: d.id, to: d.to };
    try {
      await agenda.actions.moveTo(d.id, d.to);
    } finally {
      pending.value = null;
    }
  }
  function cancel(announce: boolean) {
    const d = drag.peek();
    if (!d) return;
    drag.value = null;
    if (announce) said.value = t('agenda.drag.cancelled', { name: d.name });
  }

  /** The index the dragged row lands at: how many of the other rows have their middle above the pointer. */
  function target(id: string, y: number): number {
    let above = 0;
    for (const row of list.current?.children ?? []) {
      if ((row as HTMLElement).dataset.stepId === id) continue;
      const r = row.getBoundingClientRect();
      if (r.top + r.height / 2 < y) above++;
    }
    return above;
  }
  function follow() {
    const d = drag.peek();
    const p = pointer.current;
    if (d?.by !== 'pointer') return;
    const scrolled = (p.scroller?.scrollTop ?? 0) - p.scrollTop;
    drag.value = { ...d, dy: p.y - p.startY + scrolled, to: target(d.id, p.y) };
  }
  function autoScroll() {
    const p = pointer.current;
    const d = drag.peek();
    if (d?.by !== 'pointer' || !p.scroller) return;
    // Its step was removed meanwhile (another moderator): nothing to drag any more.
    if (!list.current?.querySelector(`[data-handle="${CSS.escape(d.id)}"]`)) return cancel(false);
    const box =
      p.scroller === document.scrollingElement ? { top: 0, bottom: innerHeight } : p.scroller.getBoundingClientRect();
    const by = p.y < box.top + EDGE ? -8 : p.y > box.bottom - EDGE ? 8 : 0;
    if (by) {
      const before = p.scroller.scrollTop;
      p.scroller.scrollTop += by;
      if (p.scroller.scrollTop !== before) follow();
    }
    p.frame = requestAnimationFrame(autoScroll);
  }

  function lost(e: PointerEvent) {
    if (e.pointerId !== pointer.current.id || drag.peek()?.by !== 'pointer') return;
    cancelAnimationFrame(pointer.current.frame);
    cancel(true);
  }

  /** The props of one row's handle (a real button). */
  function handle(step: Step, index: number, name: string) {
    const mine = () => drag.peek()?.id === step.id;
    return {
      'data-handle': step.id,
      'aria-label': t('agenda.drag.handle', { name }),
      'aria-describedby': HELP_ID,
      title: t('agenda.drag.handle', { name }),
      onPointerDown(e: PointerEvent) {
        if (e.pointerType === 'mouse' && e.button !== 0) return;
        e.preventDefault(); // no text selection; a touch does not scroll (touch-action: none too)
        (e.currentTarget as HTMLElement).focus({ preventScroll: true });
        (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
        const scroller = scrollParent(list.current);
        pointer.current = {
          id: e.pointerId,
          startY: e.clientY,
          y: e.clientY,
          scroller,
          scrollTop: scroller?.scrollTop ?? 0,
          frame: 0,
        };
        drag.value = { id: step.id, name, from: index, to: index, dy: 0, by: 'pointer' };
        pointer.current.frame = requestAnimationFrame(autoScroll);
      },
      onPointerMove(e: PointerEvent) {
        if (e.pointerId !== pointer.current.id || !mine()) return;
        pointer.current.y = e.clientY;
        follow();
      },
      onPointerUp(e: PointerEvent) {
        const d = drag.peek();
        if (e.pointerId !== pointer.current.id || d?.by !== 'pointer' || !mine()) return;
        cancelAnimationFrame(pointer.current.frame);
        void drop(d);
      },
      // The browser took the pointer away (a scroll gesture, a system dialog): the step stays where it was.
      onPointerCancel: lost,
      onLostPointerCapture: lost,
      // Space / Enter by keyboard, or a screen reader's click, have no pointer behind them (detail 0).
      onClick(e: MouseEvent) {
        if (e.detail !== 0) return;
        const d = drag.peek();
        if (d?.by === 'keys' && d.id === step.id) {
          refocus.current = step.id;
          void drop(d);
          return;
        }
        drag.value = { id: step.id, name, from: index, to: index, dy: 0, by: 'keys' };
        said.value = t('agenda.drag.picked', { name, position: index + 1, count });
      },
      onKeyDown(e: KeyboardEvent) {
        const d = drag.peek();
        if (d?.by !== 'keys' || d.id !== step.id) return;
        const to =
          e.key === 'ArrowUp'
            ? d.to - 1
            : e.key === 'ArrowDown'
              ? d.to + 1
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? count - 1
                  : null;
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          cancel(true);
        } else if (to !== null) {
          e.preventDefault();
          const clamped = Math.max(0, Math.min(count - 1, to));
          if (clamped === d.to) return;
          drag.value = { ...d, to: clamped };
          said.value = t('agenda.drag.moved', { position: clamped + 1, count });
        }
      },
      onBlur() {
        if (drag.peek()?.by === 'keys' && mine()) cancel(true);
      },
    };
  }

  return { drag, said, list, order, handle };
}

/** The CSS classes of a row while a step is moved: the moved one, and the line where it lands. */
export function dragClass(drag: Signal<Drag | null>, stepId: string, index: number): string {
  const d = drag.value;
  if (!d) return '';
  if (d.id === stepId) return ` agenda__step--dragged${d.by === 'pointer' ? ' agenda__step--lifted' : ''}`;
  if (d.to === d.from || index !== d.to) return '';
  return d.to < d.from ? ' agenda__step--drop-before' : ' agenda__step--drop-after';
}

/** The moved row follows the pointer. */
export const dragStyle = (drag: Signal<Drag | null>, stepId: string) => {
  const d = drag.value;
  return { transform: d?.id === stepId && d.dy ? `translateY(${Math.round(d.dy)}px)` : '' };
};

/** The handle at the start of a row, and (once per list) what its keys do and what was announced. */
export function DragHandle(props: ReturnType<ReturnType<typeof useStepDrag>['handle']>) {
  return (
    <button type="button" class="btn btn--small btn--icon agenda__handle" data-testid="agenda-handle" {...props}>
      <PathIcon d={HANDLE} />
    </button>
  );
}

export function DragHelp({ said }: { said: Signal<string> }) {
  return (
    <>
      <p id={HELP_ID} class="visually-hidden">
        {t('agenda.drag.help')}
      </p>
      <p class="visually-hidden" aria-live="assertive" data-testid="agenda-drag-said">
        {said.value}
      </p>
    </>
  );
}

function scrollParent(from: Element | null): HTMLElement | null {
  for (let el = from?.parentElement ?? null; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return document.scrollingElement as HTMLElement | null;
}
