package com.rollercoach.gui.live;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.summary.SessionSummary;
import java.util.function.Consumer;

/**
 * One live session: a source running on its own thread into a {@link SessionProcessor}, publishing
 * into a {@link LiveFeed} the display reads. When the source ends (or fails, or is stopped) the
 * pipeline is flushed and the summary published and handed to {@code onFinished} (on the session
 * thread: saving it to disk happens there, off the FX thread).
 */
public final class LiveSession {
  private final SampleSource source;
  private final LiveFeed feed;
  private final SessionProcessor processor;
  private final Consumer<SessionSummary> onFinished;
  private Thread thread;

  public LiveSession(SampleSource source, PipelineConfig config, CoachingTargets targets,
      Consumer<Cue> sound, Consumer<SessionSummary> onFinished) {
    this.source = source;
    this.feed = new LiveFeed(LinkStatus.connecting(source.description()));
    this.processor = new SessionProcessor(config, targets, feed, sound);
    this.onFinished = onFinished;
  }

  public LiveFeed feed() {
    return feed;
  }

  public SampleSource source() {
    return source;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::run, "roller-coach-source");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks the source to stop; the summary follows shortly. */
  public void stop() {
    source.stop();
  }

  /** Waits for the session thread to finish (tests, shutdown). */
  public void join(long millis) throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.join(millis);
    }
  }

  public boolean finished() {
    return feed.summary() != null;
  }

  private void run() {
    LinkStatus last = null;
    try {
      source.run(processor, feed::link);
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      last = new LinkStatus(LinkStatus.State.FAILED, why, feed.snapshot().link().framesLost());
    }
    SessionSummary summary = processor.finish(source.description());
    if (last != null) {
      feed.link(last);
    } else if (feed.snapshot().link().live()) {
      feed.link(new LinkStatus(LinkStatus.State.ENDED, "ended", feed.snapshot().link().framesLost()));
    }
    try {
      onFinished.accept(summary);
    } finally {
      feed.finish(summary);
    }
  }
}
