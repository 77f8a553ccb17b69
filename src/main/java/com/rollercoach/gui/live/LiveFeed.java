package com.rollercoach.gui.live;

import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.summary.SessionSummary;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The hand-off from the source thread to the FX thread. The source thread publishes after every
 * sample (a {@link Snapshot}, trace points) and as events and cues happen; the FX thread reads once
 * per animation frame. Nothing here blocks the source thread for more than a lock on a small array
 * copy, and the FX thread never waits for the source.
 *
 * <p>Events and cues are rare (a pass every few seconds), so their queue is unbounded and the FX
 * thread drains it every frame; the per-sample flow is the snapshot and the bounded trace.
 */
public final class LiveFeed {
  /** Chart window: 60 s of history. */
  public static final double WINDOW_S = 60;

  /**
   * 10 points per second on the chart, 600 per series: at the prescribed 2.5 cm/s the roller moves
   * 0.25 cm between points, under a pixel at chart scale, and a turning point is never off by more
   * than 0.1 s. Fewer points is what keeps software rendering cheap.
   */
  public static final double BUCKET_S = 0.1;

  private final TraceBuffer trace = new TraceBuffer(WINDOW_S, BUCKET_S);
  private final Queue<Object> happenings = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Snapshot> snapshot;
  private final AtomicReference<SessionSummary> summary = new AtomicReference<>();
  /** The latest live warning (bad samples dropped, the phone's sensor silent), or null. */
  private final AtomicReference<String> warning = new AtomicReference<>();

  public LiveFeed(LinkStatus initial) {
    snapshot = new AtomicReference<>(Snapshot.initial(initial));
  }

  public TraceBuffer trace() {
    return trace;
  }

  public Snapshot snapshot() {
    return snapshot.get();
  }

  public void publish(Snapshot s) {
    snapshot.set(s);
  }

  public void link(LinkStatus status) {
    snapshot.updateAndGet(s -> s.withLink(status));
  }

  /** A live warning from the source or the session; the newest one is shown. */
  public void warning(String text) {
    warning.set(text);
  }

  /** The newest live warning, or null when there was none. */
  public String warning() {
    return warning.get();
  }

  public void event(MotionEvent e) {
    happenings.add(e);
  }

  public void cue(Cue c) {
    happenings.add(c);
  }

  /** Hands every pending event and cue, in order, to {@code each}; FX thread. */
  public void drain(Consumer<Object> each) {
    Object o;
    while ((o = happenings.poll()) != null) {
      each.accept(o);
    }
  }

  /** The session ended and this is its summary. */
  public void finish(SessionSummary s) {
    summary.set(s);
  }

  /** The summary once the session has ended, else null. */
  public SessionSummary summary() {
    return summary.get();
  }
}
