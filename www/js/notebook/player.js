// A Play button's engine: moves a range input from its value up to its maximum in `seconds`, one
// step per animation frame. While held (the figure is off screen) it waits, then goes on from
// where it was.

/**
 * Plays `slider` (an <input type=range> with min 0): onFrame() after each move, onChange(playing)
 * when playing starts or stops. Playing from the maximum starts again from 0. Returns { play,
 * stop, toggle, hold(boolean), playing }.
 */
export function createPlayer(slider, { seconds, onFrame, onChange }) {
  let run = null; // { start, from } while playing
  let held = false;
  let frame = 0;
  const max = () => Number(slider.max);

  const tick = (now) => {
    frame = 0;
    if (!run || held) return;
    const value = run.from + ((now - run.start) / (seconds * 1000)) * max();
    slider.value = String(Math.min(max(), Math.round(value)));
    onFrame();
    if (value >= max()) stop();
    else frame = requestAnimationFrame(tick);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(tick);
  };
  function play() {
    const value = Number(slider.value);
    run = { start: performance.now(), from: value >= max() ? 0 : value };
    onChange(true);
    schedule();
  }
  function stop() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const was = run !== null;
    run = null;
    if (was) onChange(false);
  }
  const hold = (on) => {
    held = on;
    if (!on && run) {
      run = { start: performance.now(), from: Number(slider.value) };
      schedule();
    }
  };
  return {
    play,
    stop,
    toggle: () => (run ? stop() : play()),
    hold,
    get playing() {
      return run !== null;
    },
  };
}
