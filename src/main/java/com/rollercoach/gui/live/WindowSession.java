package com.rollercoach.gui.live;

import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.summary.SessionSummary;
import com.rollercoach.live.SessionIndexing;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The window running one {@link com.rollercoach.live.LiveSession}: the source on a thread of its own
 * into a {@link SessionProcessor}, publishing into a {@link LiveFeed} the display reads; a watcher
 * four times a second for the no-data cue (the source may sit in a read that never returns). When the
 * source ends (or fails, or is stopped) the session is flushed, a recording it made is added to the
 * library under its patient, and the summary handed to {@code onFinished} (on the session thread:
 * saving happens there, off the FX thread).
 */
public final class WindowSession {
  private final SampleSource source;
  private final LiveFeed feed;
  private final SessionProcessor processor;
  private final Consumer<SessionSummary> onFinished;
  private final Path dataDir;
  private volatile String libraryMessage = "";
  private volatile com.rollercoach.review.library.SessionEntry libraryEntry;
  private Thread thread;
  private ScheduledExecutorService watcher;

  /** @param dataDir the data folder whose library a recording made by the source joins */
  public WindowSession(SampleSource source, com.rollercoach.live.LiveSession.Setup setup, Path dataDir,
      Consumer<Cue> sound, Consumer<SessionSummary> onFinished) {
    this.source = source;
    this.dataDir = dataDir;
    this.feed = new LiveFeed(LinkStatus.connecting(source.description()));
    this.processor = new SessionProcessor(setup.withMetadata(merged(setup.metadata(), source.metadata())), feed, sound)
        .deviceFrom(source::device);
    this.onFinished = onFinished;
  }

  /** The source's own metadata (a replayed file's roller and device) over the setup's. */
  private static com.rollercoach.core.sample.SessionMetadata merged(
      com.rollercoach.core.sample.SessionMetadata base, com.rollercoach.core.sample.SessionMetadata own) {
    var m = base;
    for (var e : own.values().entrySet()) m = m.with(e.getKey(), e.getValue());
    return m;
  }

  public LiveFeed feed() {
    return feed;
  }

  public SampleSource source() {
    return source;
  }

  /** The one live session this window drives (its cue list, for tests). */
  public com.rollercoach.live.LiveSession session() {
    return processor.session();
  }

  /** The library entry the recording became, once finished; empty when it was not indexed. */
  public java.util.Optional<com.rollercoach.review.library.SessionEntry> libraryEntry() {
    return java.util.Optional.ofNullable(libraryEntry);
  }

  /** What became of the recording in the library ("Added … as session …"), once finished. */
  public String libraryMessage() {
    return libraryMessage;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "roller-coach-link-watch");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleAtFixedRate(processor.session()::checkSilence, 250, 250, TimeUnit.MILLISECONDS);
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
      source.run(processor, processor::link);
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      last = new LinkStatus(LinkStatus.State.FAILED, why, feed.snapshot().link().framesLost());
    }
    watcher.shutdownNow();
    SessionSummary summary = processor.finish(source.description());
    if (last != null) {
      feed.link(last);
    } else if (feed.snapshot().link().live()) {
      feed.link(new LinkStatus(LinkStatus.State.ENDED, "ended", feed.snapshot().link().framesLost()));
    }
    if (source.records() && source.recording().isPresent() && java.nio.file.Files.exists(source.recording().get())) {
      SessionIndexing.Outcome o = SessionIndexing.index(source.recording().get(), processor.session().durationS(),
          dataDir);
      libraryEntry = o.entry();
      libraryMessage = o.message();
    }
    try {
      onFinished.accept(summary);
    } finally {
      feed.finish(summary);
    }
  }
}
