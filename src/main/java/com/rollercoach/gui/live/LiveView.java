package com.rollercoach.gui.live;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.CueText;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.gui.perf.PerfMeter;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.summary.SessionSummary;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The live coaching screen: phase line, big counters, pace meter, chart, banners for cues and a lost
 * connection, and the connection bar. An {@link AnimationTimer} reads the session's {@link LiveFeed}
 * once per frame; the view never touches the source or the pipeline, so it cannot stall them, and
 * they cannot freeze it.
 */
public final class LiveView extends BorderPane {
  /**
   * A cue stays on screen this long of session time, so its words never outlive what they say: kept
   * 6 s of the wall clock, "30 seconds left" stood beside "0:25 left" at 4× replay (and "0:06 left").
   * At 1× (live) it is the same 6 s; a session that stops (no data) keeps its last cue up.
   */
  static final double CUE_SHOWN_S = 6;


  /**
   * The chart is redrawn at most this often (30 Hz): smooth to the eye, and the counters, which are
   * cheap, still update every frame.
   */
  private static final long CHART_INTERVAL_NANOS = 33_000_000;

  /** The pace bar is full at 1.5 × the "too fast" limit. */
  private static final double PACE_BAR_FULL_FACTOR = 1.5;

  private CoachingTargets targets;
  private final LiveChart chart;
  private final PerfMeter perf = new PerfMeter(1.0);
  private final boolean perfLog;
  private final TraceBuffer.Points points = new TraceBuffer.Points();

  private final Label phaseTitle = label("phase-title", "phaseTitle");
  private final Label phaseDetail = label("phase-detail", "phaseDetail");
  private final Label bigTimer = label("big-timer", "bigTimer");
  private final Label rollsValue = label("counter-value", "rollsValue");
  private final Label rollsTarget = label("counter-target", "rollsTarget");
  private final Label passesValue = label("counter-value-small", "passesValue");
  private final Label paceValue = label("pace-value", "paceValue");
  private final ProgressBar paceBar = new ProgressBar(0);
  private final Label cueBanner = label("banner", "cueBanner");
  private final Label lostBanner = label("banner", "lostBanner");
  private final Label linkState = label(null, "linkState");
  private final Label linkDetail = label(null, "linkDetail");
  private final Label framesLost = label(null, "framesLost");
  private final Label perfReadout = label("perf-readout", "perfReadout");
  private final VBox phaseBox;

  private WindowSession session;
  private Consumer<SessionSummary> onFinished = s -> {};
  private boolean finishedReported;
  private double cueAtS;
  /** The session raised the no-data cue and no sample has come since: the status turns amber. */
  private boolean noData;
  private long lastFrameNanos;
  private long lastChartNanos;
  private String phaseStyle = "";
  private final AnimationTimer timer = new AnimationTimer() {
    @Override
    public void handle(long now) {
      frame(now);
    }
  };

  public LiveView(CoachingTargets targets, boolean largeText, boolean perfLog) {
    this.targets = targets;
    this.perfLog = perfLog;
    this.chart = new LiveChart(LiveFeed.WINDOW_S, targets, largeText ? 1.35f : 1f);
    getStyleClass().add("live-view");

    lostBanner.getStyleClass().add("banner-lost");
    lostBanner.setMaxWidth(Double.MAX_VALUE);
    lostBanner.setVisible(false);
    cueBanner.getStyleClass().add("banner-cue");
    cueBanner.setMaxWidth(Double.MAX_VALUE);
    cueBanner.setVisible(false);
    // The banners have a strip of their own under the chart, as tall as a banner whether one shows
    // or not: a banner neither covers the speed chart's time axis (it did, overlaid on the chart's
    // bottom) nor pushes the layout when it comes and goes (in large text on a 1280×800 window a
    // pushed layout lost the status and pace bars). Hidden banners stay managed to keep the height;
    // the lost-link banner lies over a cue.
    lostBanner.setText(" ");
    cueBanner.setText(" ");
    StackPane banners = new StackPane(cueBanner, lostBanner);
    banners.setId("bannerSlot");
    // A cue too long for the strip (in large text) is set smaller rather than cut to "…"
    for (Label b : new Label[] {cueBanner, lostBanner}) {
      b.textProperty().addListener((o, was, now) -> fitText(b));
      b.widthProperty().addListener((o, was, now) -> fitText(b));
    }
    banners.setPickOnBounds(false);

    bigTimer.setVisible(false);
    bigTimer.setManaged(false);
    // Title and timer share a line: in large text three stacked lines leave no room for the
    // status and pace bars on a 1280×800 screen.
    HBox titleLine = new HBox(28, phaseTitle, bigTimer);
    titleLine.setAlignment(Pos.BASELINE_LEFT);
    phaseBox = new VBox(0, titleLine, phaseDetail);
    phaseBox.setPadding(new Insets(6, 16, 0, 16));

    rollsTarget.setText(String.format(Locale.ROOT, "of %d–%d", targets.rollsMin(), targets.rollsMax()));
    HBox rollsLine = new HBox(12, rollsValue, rollsTarget);
    rollsLine.setAlignment(Pos.BASELINE_LEFT);
    VBox rolls = counter("ROLLS", rollsLine);
    VBox passes = counter("PASSES", passesValue);
    paceBar.getStyleClass().add("pace-bar");
    paceBar.setMaxWidth(Double.MAX_VALUE);
    paceBar.setId("paceBar");
    VBox pace = counter("PACE", paceValue, paceBar,
        mutedLabel(String.format(Locale.ROOT, "aim ≈ %.1f cm/s", targets.paceCmS())));
    VBox counters = new VBox(12, rolls, passes, pace);
    counters.setPadding(new Insets(8, 8, 8, 16));
    counters.getStyleClass().add("counters");

    ChartViewer viewer = new ChartViewer(chart.chart());
    viewer.setId("liveChart");
    viewer.setMinSize(300, 200);
    BorderPane middle = new BorderPane();
    middle.setTop(phaseBox);
    middle.setLeft(counters);
    // Under the chart, beside the counters: never over the phase, the timer, the counters or the chart.
    VBox chartAndBanners = new VBox(4, viewer, banners);
    VBox.setVgrow(viewer, Priority.ALWAYS);
    middle.setCenter(chartAndBanners);
    BorderPane.setMargin(chartAndBanners, new Insets(8, 8, 8, 4));
    setCenter(middle);

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // The link state and counters never shrink; the perf readout gives way first.
    for (Label l : new Label[] {linkState, linkDetail, framesLost, rollsTarget}) {
      l.setMinWidth(Region.USE_PREF_SIZE);
    }
    perfReadout.setMinWidth(0);
    // fps, frame times, CPU and heap are for whoever measures the window (--perf), not the patient
    // on the floor: the status bar showed them to everyone, cut off at "· h..." in a 1280 px window
    perfReadout.setVisible(perfLog);
    perfReadout.setManaged(perfLog);
    HBox status = new HBox(18, linkState, linkDetail, framesLost, spacer, perfReadout);
    status.getStyleClass().add("status-bar");
    status.setAlignment(Pos.CENTER_LEFT);
    setBottom(status);
    show(Snapshot.initial(LinkStatus.connecting("no source")));
  }

  /** Shows {@code s}'s feed from now on, starting from a clean screen. */
  public void attach(WindowSession s) {
    session = s;
    finishedReported = false;
    timer.start();
  }

  public WindowSession session() {
    return session;
  }

  /** Called once on the FX thread when the attached session has ended and its summary is ready. */
  public void setOnFinished(Consumer<SessionSummary> f) {
    onFinished = f;
  }

  /** The targets of the session about to be shown: the patient's prescription. */
  public void setTargets(CoachingTargets t) {
    this.targets = t;
    rollsTarget.setText(String.format(Locale.ROOT, "of %d–%d", t.rollsMin(), t.rollsMax()));
  }

  public void setLargeText(boolean large) {
    chart.setFontScale(large ? 1.35f : 1f);
  }

  public void stopAnimation() {
    timer.stop();
  }

  /** One frame: the timer calls this; tests call it directly for a deterministic screen. */
  public void refresh() {
    frame(System.nanoTime());
  }

  private void frame(long now) {
    if (session == null) {
      return;
    }
    long t0 = System.nanoTime();
    LiveFeed feed = session.feed();
    feed.drain(o -> happened(o, now));
    Snapshot snap = feed.snapshot();
    if (feed.trace().version() != points.version && now - lastChartNanos >= CHART_INTERVAL_NANOS) {
      lastChartNanos = now;
      feed.trace().copy(points);
      chart.update(points, snap.coaching().stillSinceS(), snap.stillMode(), snap.rangeLowCm(),
          snap.rangeHighCm(), targets.rangeGrowthCm());
    }
    show(snap);
    showWarning(feed.warning());
    if (cueBanner.isVisible() && snap.state().tS() - cueAtS > CUE_SHOWN_S) {
      setShown(cueBanner, false);
    }
    SessionSummary summary = feed.summary();
    if (summary != null && !finishedReported) {
      finishedReported = true;
      onFinished.accept(summary);
    }
    if (now != lastFrameNanos) {
      lastFrameNanos = now;
      PerfMeter.Report r = perf.frame(now, System.nanoTime() - t0, snap.samples());
      if (r != null) {
        perfReadout.setText(r.line());
        if (perfLog) {
          System.err.println("perf: " + r.line());
        }
      }
    }
  }

  private void happened(Object o, long now) {
    if (o instanceof MotionEvent.PassCompleted p) {
      chart.addPass(p.pass());
    } else if (o instanceof MotionEvent.DwellFound d) {
      chart.addShade(d.dwell().startS(), d.dwell().endS(), StillMode.TENDER_SPOT, false);
    } else if (o instanceof MotionEvent.HoldFound h) {
      chart.addShade(h.hold().startS(), h.hold().endS(), StillMode.HOLD, false);
    } else if (o instanceof MotionEvent.DataGap g) {
      chart.addShade(g.fromS(), g.toS(), StillMode.NONE, true);
    } else if (o instanceof Cue c && !(c instanceof Cue.RollTick || c instanceof Cue.MetronomeTick
        || c instanceof Cue.StillStarted)) {
      cueBanner.setText(CueText.of(c));
      cueBanner.getStyleClass().remove("banner-guard");
      if (c instanceof Cue.RangeGuard || c instanceof Cue.SlowDown || c instanceof Cue.NoData
          || c instanceof Cue.LinkLost) {
        cueBanner.getStyleClass().add("banner-guard");
      }
      setShown(cueBanner, true);
      cueAtS = c.atS();
    }
    if (o instanceof Cue.NoData) {
      noData = true;
    } else if (o instanceof Cue.Reconnected) {
      noData = false;
    }
  }

  private void show(Snapshot snap) {
    LiveState s = snap.state();
    PhaseText p = PhaseText.of(s, snap.coaching(), targets);
    phaseTitle.setText(p.title());
    phaseDetail.setText(p.detail());
    // During a still period the running timer is the largest thing on the screen, bigger than the
    // roll count: it is what the patient on the floor looks for.
    bigTimer.setText(p.timer());
    boolean timing = !p.timer().isEmpty();
    if (bigTimer.isVisible() != timing) {
      bigTimer.setVisible(timing);
      bigTimer.setManaged(timing);
      rollsValue.getStyleClass().remove(timing ? "counter-value" : "counter-value-small");
      rollsValue.getStyleClass().add(timing ? "counter-value-small" : "counter-value");
    }
    if (!p.style().equals(phaseStyle)) {
      phaseBox.getStyleClass().remove("phase-" + phaseStyle);
      phaseBox.getStyleClass().add("phase-" + p.style());
      phaseStyle = p.style();
    }
    rollsValue.setText(Integer.toString(s.rolls()));
    // Green within the prescribed band; amber past its top, which the summary calls "more than the
    // 10–20 prescribed" (it stayed green, as if more were better).
    toggleClass(rollsValue, "reached", s.rolls() >= targets.rollsMin() && s.rolls() <= targets.rollsMax());
    toggleClass(rollsValue, "over", s.rolls() > targets.rollsMax());
    passesValue.setText(Integer.toString(s.passes()));
    showPace(snap.lastPassSpeedCmS());
    showLink(snap.link());
  }

  private void showPace(double v) {
    if (Double.isNaN(v)) {
      paceValue.setText("– cm/s");
      paceBar.setProgress(0);
      setOnlyClass(paceBar, "pace-is-", null);
      return;
    }
    paceValue.setText(String.format(Locale.ROOT, "%.1f cm/s", v));
    paceBar.setProgress(Math.min(1, v / (targets.paceTooFastCmS() * PACE_BAR_FULL_FACTOR)));
    // Between the recommended pace and the limit is "brisk": fine, but no faster.
    double brisk = (targets.paceCmS() + targets.paceTooFastCmS()) / 2;
    setOnlyClass(paceBar, "pace-is-",
        v > targets.paceTooFastCmS() ? "pace-is-fast" : v > brisk ? "pace-is-brisk" : "pace-is-ok");
  }

  /**
   * Makes {@code cls} the node's only style class starting with {@code prefix}, touching the list
   * only when it changes: every change to it re-runs CSS on the node, and this runs every frame.
   */
  private static void setOnlyClass(javafx.scene.Node n, String prefix, String cls) {
    var classes = n.getStyleClass();
    if (cls != null && classes.contains(cls)
        && classes.stream().filter(c -> c.startsWith(prefix)).count() == 1) {
      return;
    }
    classes.removeIf(c -> c.startsWith(prefix) && !c.equals(cls));
    if (cls != null && !classes.contains(cls)) {
      classes.add(cls);
    }
  }

  private boolean linkLost;

  /** A live warning (bad samples, a silent sensor) shares the lost-link banner; a lost link wins. */
  private void showWarning(String warning) {
    if (linkLost || warning == null) return;
    lostBanner.setText("⚠ " + warning);
    setShown(lostBanner, true);
  }

  /** The banner text now shown, for tests. */
  String bannerText() {
    return lostBanner.isVisible() ? lostBanner.getText() : "";
  }

  private void showLink(LinkStatus l) {
    String state = switch (l.state()) {
      case CONNECTING -> "● Connecting";
      case CONNECTED -> "● Connected";
      case RECONNECTING -> "● Connection lost";
      case ENDED -> "■ Ended";
      case FAILED -> "✖ Failed";
    };
    boolean silent = noData && l.state() == LinkStatus.State.CONNECTED;
    linkState.setText(silent ? "● No data" : state);
    setOnlyClass(linkState, "link-", silent ? "link-NO_DATA" : "link-" + l.state());
    linkDetail.setText(l.detail());
    framesLost.setText("frames lost: " + l.framesLost());
    boolean lost = l.state() == LinkStatus.State.RECONNECTING || l.state() == LinkStatus.State.FAILED;
    if (lost) {
      lostBanner.setText(l.state() == LinkStatus.State.RECONNECTING
          ? "Connection lost: reconnecting… (" + l.detail() + ")"
          : "Could not read the samples: " + l.detail());
    }
    linkLost = lost;
    setShown(lostBanner, lost);
  }

  private static VBox counter(String caption, javafx.scene.Node... content) {
    Label c = label("counter-caption", null);
    c.setText(caption);
    VBox box = new VBox(2, c);
    box.getChildren().addAll(content);
    box.getStyleClass().add("counter-box");
    return box;
  }

  private static Label mutedLabel(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("muted-text");
    return l;
  }

  private static Label label(String style, String id) {
    Label l = new Label();
    if (style != null) {
      l.getStyleClass().add(style);
    }
    if (id != null) {
      l.setId(id);
    }
    return l;
  }

  private static void toggleClass(Label l, String cls, boolean on) {
    if (on && !l.getStyleClass().contains(cls)) {
      l.getStyleClass().add(cls);
    } else if (!on) {
      l.getStyleClass().remove(cls);
    }
  }

  /**
   * Sets {@code l}'s text smaller than its style's size when it would not fit on one line at that
   * size, so a banner says the whole cue; the strip keeps its height (the other banner holds it).
   */
  static void fitText(Label l) {
    if (l.getWidth() <= 0) return;
    String style = l.getStyle();
    if (!style.isEmpty()) {
      l.setStyle("");
      l.applyCss();
    }
    javafx.scene.text.Font natural = l.getFont();
    javafx.scene.text.Text probe = new javafx.scene.text.Text(l.getText());
    probe.setFont(natural);
    double needed = probe.getLayoutBounds().getWidth();
    double room = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset() - 4;
    String fitted = needed <= room || room <= 0 ? ""
        : String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", Math.max(8, natural.getSize() * room / needed));
    if (!fitted.equals(l.getStyle())) l.setStyle(fitted);
  }

  /** A banner shows or hides in its own strip: its height is kept either way. */
  private static void setShown(Label l, boolean shown) {
    if (l.isVisible() != shown) l.setVisible(shown);
  }
}
