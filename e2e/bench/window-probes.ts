/**
 * The window bench's measuring code, run inside the page (`page.evaluate`) as plain
 * JavaScript so it needs no DOM types here. It installs `globalThis.__bench`: each probe marks
 * its start with `performance.mark`, waits for the DOM change that shows the result, then for
 * the next frame to be painted, marks the end and returns the `performance.measure` duration.
 */
export const WINDOW_PROBES = String.raw`(() => {
  const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const grid = () => document.querySelector('main [role=grid]');
  const firstTag = () =>
    grid()?.querySelector('[role=row][data-index="0"] [role=rowheader]')?.textContent ?? null;
  const countText = () =>
    [...document.querySelectorAll('main [role=status]')].map((e) => e.textContent).find((t) => /tags?$/.test(t)) ?? '';
  function when(test, timeoutMs = 60000) {
    return new Promise((resolve, reject) => {
      if (test()) return void painted().then(resolve);
      const timer = setTimeout(() => (observer.disconnect(), reject(new Error('timed out'))), timeoutMs);
      const observer = new MutationObserver(() => {
        if (!test()) return;
        observer.disconnect();
        clearTimeout(timer);
        painted().then(resolve);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }
  let n = 0;
  async function timed(name, act, done) {
    const id = name + '-' + n++;
    performance.mark(id + ':start');
    act();
    await when(done);
    performance.mark(id + ':end');
    return performance.measure(name, id + ':start', id + ':end').duration;
  }
  function frames(count, each) {
    return new Promise((resolve) => {
      const times = [];
      const tick = (t) => {
        times.push(t);
        if (times.length > count) return resolve(times.slice(1).map((x, i) => x - times[i]));
        each();
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }
  function plainList(count) {
    const box = document.createElement('div');
    box.style.cssText = 'position:fixed;inset:0;overflow:auto;background:white;z-index:99';
    return box;
  }
  globalThis.__bench = {
    /** Listing time and listing-arrived → first row painted (call before pressing Open). */
    async firstRows() {
      await when(() => firstTag() !== null);
      performance.mark('bench:rows-painted');
      const asked = performance.getEntriesByName('sifport:tags-requested').at(-1);
      const got = performance.getEntriesByName('sifport:tags-received').at(-1);
      const drawn = performance.measure('bench:first-rows', 'sifport:tags-received', 'bench:rows-painted');
      return { listing: got.startTime - asked.startTime, draw: drawn.duration };
    },
    /** Presses the Tag header: sort until the first row changes and is painted. */
    sort: () => {
      const before = firstTag();
      const button = grid().querySelector('[role=columnheader][aria-sort] button');
      return timed('bench:sort', () => button.click(), () => firstTag() !== before);
    },
    /** Types one character into the filter (or deletes one): until the count is repainted. */
    key: (ch) => {
      const input = document.querySelector('main input[type=search]');
      input.focus();
      const before = countText();
      const act = () => document.execCommand(ch === '\b' ? 'delete' : 'insertText', false, ch === '\b' ? undefined : ch);
      return timed('bench:filter-key', act, () => countText() !== before);
    },
    /** Frame times (ms) while the grid scrolls by step px per frame. */
    scroll: async (count, step) => {
      const el = document.querySelector('[data-grid-scroller]');
      el.scrollTop = 0;
      await painted();
      return frames(count, () => (el.scrollTop += step));
    },
    /** Frame times (ms) of an idle page: this browser's frame rate, for comparison. */
    idle: (count) => frames(count, () => undefined),
    /** Baseline: 10,000 plain divs appended at once → painted (ms), then the same scroll. */
    plain: async (count, rowHeight, scrollFrames, step) => {
      const box = plainList(count);
      const start = performance.now();
      const rows = [];
      for (let i = 0; i < count; i++) rows.push('<div style="height:' + rowHeight + 'px">build-' + (i + 1) + '</div>');
      box.innerHTML = rows.join('');
      document.body.append(box);
      await painted();
      const draw = performance.now() - start;
      const scroll = await frames(scrollFrames, () => (box.scrollTop += step));
      box.remove();
      return { draw, scroll };
    },
  };
})()`;
