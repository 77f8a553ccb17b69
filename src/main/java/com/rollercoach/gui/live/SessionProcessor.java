package com.rollercoach.gui.live;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.summary.SessionSummary;
import com.rollercoach.live.LiveSession;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's side of a {@link LiveSession}, on the source thread: samples go into the one live
 * session the terminal uses too; what it says (state, events, cues) is published into the {@link
 * LiveFeed} the display reads, and cues go to the sound player. Nothing is computed here that the
 * terminal would not see.
 */
public final class SessionProcessor
    implements SampleSink, LiveSession.Listener, com.rollercoach.io.live.LiveObserver {
  private final LiveSession session;
  private final LiveFeed feed;
  private final Consumer<Cue> sound;
  private final CoachingTargets targets;

  /** @param sound where cues go to be heard (must not block: the sound player queues them) */
  public SessionProcessor(LiveSession.Setup setup, LiveFeed feed, Consumer<Cue> sound) {
    this.feed = feed;
    this.sound = sound;
    this.targets = setup.prescription().targets();
    this.session = new LiveSession(setup, this);
  }

  /** Where the device's HELLO becomes known (a serial source), for calibration by device. */
  public SessionProcessor deviceFrom(Supplier<DeviceInfo> device) {
    session.deviceFrom(device);
    return this;
  }

  public LiveSession session() {
    return session;
  }

  @Override
  public void accept(ImuSample sample) {
    session.accept(sample);
  }

  @Override
  public void gap(double fromS, double toS, String reason) {
    session.gap(fromS, toS, reason);
  }

  /** A link change from the source: shown, and heard through the session's link cues. */
  public void link(LinkStatus status) {
    feed.link(status);
    switch (status.state()) {
      case CONNECTED -> session.connected();
      case RECONNECTING -> session.linkLost(status.detail());
      default -> { }
    }
  }

  @Override
  public void state(LiveState state, LiveSession.Coaching coaching) {
    feed.trace().add(state.tS(), state.positionCm(), state.speedCmS());
    double[] range = coaching.startingRangeCm();
    Snapshot previous = feed.snapshot();
    feed.publish(new Snapshot(state, coaching, range.length == 2 ? range[0] : Double.NaN,
        range.length == 2 ? range[1] : Double.NaN, coaching.lastPassSpeedCmS(), previous.link(), session.samples()));
  }

  @Override
  public void event(MotionEvent e) {
    // The pace shown is the coach's (over rolling time only), published with the next state.
    feed.event(e);
  }

  /** The session's warnings (and the live path's, through the sources, which hand it their live path's warnings) become the window's banner. */
  @Override
  public void message(String text) {
    feed.warning(text);
  }

  /** The live path's warning (a phone whose sensor went silent), shown like the session's. */
  @Override
  public void warning(String text) {
    message(text);
  }

  /** Samples refused at the edge, counted by reason as the terminal prints them. */
  @Override
  public void samplesRejected(com.rollercoach.core.sample.SampleValidator.Reason reason, long count) {
    message(count + " bad sample" + (count == 1 ? "" : "s") + " dropped (" + reason.text() + ")");
  }

  @Override
  public void cue(Cue c) {
    feed.cue(c);
    sound.accept(c);
  }

  /** Flushes the session (the last stroke, a running still, the summary cue) and returns its summary. */
  public SessionSummary finish(String source) {
    session.end();
    var analysis = session.analysis();
    // verdicts with positions on the back, as analyze, sessions show and the report write them
    var frame = com.rollercoach.review.frame.BackFrames.of(analysis, null, null);
    var verdicts = new SessionCoach(targets).judge(frame.apply(analysis), frame.directionKnown());
    return new SessionSummary(source, analysis, targets, verdicts,
        session.samples(), feed.snapshot().link().framesLost());
  }

  public long samples() {
    return session.samples();
  }
}
