package com.rollercoach.gui.live;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.Pass;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The live chart: contact position along the back over the last minute (passes marked with their
 * number at the turning point that ended them, still periods shaded: amber for a tender-spot dwell,
 * blue for the extension hold, grey for missing data; the starting range as a green band) above the
 * roller speed (dashed lines at the "too fast" limit). Time is shown as m:ss since the session began.
 *
 * <p>FX thread only. {@link #update} batches every change into one chart redraw.
 */
public final class LiveChart {
  static final Color BACKGROUND = new Color(0x1d, 0x21, 0x26);
  private static final Color PLOT_BACKGROUND = new Color(0x22, 0x27, 0x2d);
  private static final Color GRID = new Color(0x3a, 0x41, 0x49);
  private static final Color TEXT = new Color(0xcf, 0xd8, 0xdc);
  private static final Color POSITION = new Color(0x4f, 0xc3, 0xf7);
  private static final Color SPEED = new Color(0xce, 0x93, 0xd8);
  private static final Color PASS = new Color(0xff, 0xd5, 0x4f);
  private static final Color DWELL = new Color(255, 183, 77, 70);
  private static final Color HOLD = new Color(144, 202, 249, 70);
  private static final Color GAP = new Color(176, 190, 197, 60);
  private static final Color RANGE = new Color(102, 187, 106, 40);
  private static final Color GUARD = new Color(0xef, 0x53, 0x50);

  /** The position axis spans at least this much: a roller on the back moves 10–30 cm. */
  private static final double MIN_POSITION_SPAN_CM = 10;

  /** Turning points kept for marking: a minute holds a few dozen passes at most. */
  private static final int MAX_PASS_MARKS = 64;

  private final JFreeChart chart;
  private final XYPlot positionPlot;
  private final XYPlot speedPlot;
  private final NumberAxis timeAxis;
  private final ArrayDataset position = new ArrayDataset("position");
  private final ArrayDataset speed = new ArrayDataset("speed");
  private final ArrayDataset passMarks = new ArrayDataset("passes");
  private final Deque<double[]> passes = new ArrayDeque<>(); // {tS, cm, index}
  private final double[] passX = new double[MAX_PASS_MARKS];
  private final double[] passY = new double[MAX_PASS_MARKS];
  private final int[] passIndex = new int[MAX_PASS_MARKS];
  private final Deque<Shade> shades = new ArrayDeque<>();
  private final IntervalMarker running = new IntervalMarker(0, 0, DWELL);
  private final IntervalMarker startRange = new IntervalMarker(0, 0, RANGE);
  private final ValueMarker guardLow = dashed(GUARD);
  private final ValueMarker guardHigh = dashed(GUARD);
  private boolean runningShown;
  private boolean rangeShown;
  private double originS = Double.NaN;
  private final double windowS;

  private record Shade(double fromS, double toS, IntervalMarker marker) {}

  public LiveChart(double windowS, CoachingTargets targets, float fontScale) {
    this.windowS = windowS;
    timeAxis = new NumberAxis();
    timeAxis.setAutoRange(false);
    timeAxis.setNumberFormatOverride(new MinutesFormat());
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis);
    plot.setGap(12);
    positionPlot = linePlot(position, POSITION, "along the back (cm)", 3f);
    positionPlot.setDataset(1, passMarks);
    XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
    marks.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
    marks.setSeriesPaint(0, PASS);
    marks.setDefaultItemLabelsVisible(true);
    marks.setDefaultItemLabelPaint(PASS);
    marks.setDefaultItemLabelGenerator((dataset, series, item) -> Integer.toString(passIndex[item]));
    marks.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    positionPlot.setRenderer(1, marks);
    // "cm/s": "speed (cm/s)" is longer than the speed plot is high (107 px beside 99 in normal type,
    // 145 beside ~75 in large text) and ran up over the position plot's title
    speedPlot = linePlot(speed, SPEED, "cm/s", 2f);
    speedPlot.addRangeMarker(dashed(GUARD, targets.paceTooFastCmS()));
    speedPlot.addRangeMarker(dashed(GUARD, -targets.paceTooFastCmS()));
    speedPlot.addRangeMarker(new ValueMarker(0, GRID, new BasicStroke(1f)));
    NumberAxis speedAxis = (NumberAxis) speedPlot.getRangeAxis();
    speedAxis.setAutoRangeMinimumSize(3 * targets.paceTooFastCmS());
    plot.add(positionPlot, 3);
    plot.add(speedPlot, 1);
    plot.setBackgroundPaint(BACKGROUND);
    running.setPaint(DWELL);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(BACKGROUND);
    chart.setAntiAlias(!Boolean.getBoolean("roller-coach.chart.noaa"));
    chart.setPadding(new RectangleInsets(4, 4, 4, 12));
    setFontScale(fontScale);
  }

  public JFreeChart chart() {
    return chart;
  }

  /** Scales every font (large-text mode). */
  public void setFontScale(float scale) {
    Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(15 * scale));
    Font label = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(15 * scale));
    for (NumberAxis a : new NumberAxis[] {timeAxis, (NumberAxis) positionPlot.getRangeAxis(),
        (NumberAxis) speedPlot.getRangeAxis()}) {
      a.setTickLabelFont(tick);
      a.setLabelFont(label);
      a.setTickLabelPaint(TEXT);
      a.setLabelPaint(TEXT);
      a.setAxisLinePaint(GRID);
      a.setTickMarkPaint(GRID);
    }
    positionPlot.getRenderer(1).setDefaultItemLabelFont(
        new Font(Font.SANS_SERIF, Font.BOLD, Math.round(14 * scale)));
  }

  /** A pass finished: mark its ending turning point. */
  public void addPass(Pass p) {
    passes.addLast(new double[] {p.endS(), p.toCm(), p.index()});
    while (passes.size() > MAX_PASS_MARKS) {
      passes.removeFirst();
    }
  }

  /** A finished still period or a data gap: shade it. */
  public void addShade(double fromS, double toS, StillMode kind, boolean gap) {
    Color c = gap ? GAP : kind == StillMode.HOLD ? HOLD : DWELL;
    IntervalMarker m = new IntervalMarker(rel(fromS), rel(toS), c);
    shades.addLast(new Shade(fromS, toS, m));
    positionPlot.addDomainMarker(m, Layer.BACKGROUND);
  }

  /**
   * Redraws once with the new trace, the running still period (NaN start when none), and the
   * starting range with its guard limits (NaN when not set yet).
   */
  public void update(TraceBuffer.Points pts, double stillSinceS, StillMode mode, double rangeLow,
      double rangeHigh, double growthCm) {
    if (pts.n == 0) {
      return;
    }
    chart.setNotify(false);
    try {
      originS = pts.originS;
      double end = pts.lastT();
      // The trace arrays are reused frame to frame; shift times in place to "since start".
      for (int i = 0; i < pts.n; i++) {
        pts.t[i] = rel(pts.t[i]);
      }
      position.set(pts.t, pts.pos, pts.n);
      speed.set(pts.t, pts.speed, pts.n);
      double hi = rel(end);
      timeAxis.setRange(Math.max(0, hi - windowS), Math.max(windowS, hi));
      updatePassMarks(end - windowS);
      pruneShades(end - windowS);
      updateRunning(stillSinceS, mode, end);
      updateRange(rangeLow, rangeHigh, growthCm);
      fitPositionAxis(pts, rangeLow - growthCm, rangeHigh + growthCm);
    } finally {
      chart.setNotify(true);
    }
  }

  /**
   * Fits the position axis to the trace and the range guard's limits, with room above and below for
   * the pass numbers, and never narrower than {@link #MIN_POSITION_SPAN_CM} so breathing does not
   * look like rolling.
   */
  private void fitPositionAxis(TraceBuffer.Points pts, double guardLow, double guardHigh) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < pts.n; i++) {
      lo = Math.min(lo, pts.pos[i]);
      hi = Math.max(hi, pts.pos[i]);
    }
    if (!Double.isNaN(guardLow)) {
      lo = Math.min(lo, guardLow);
      hi = Math.max(hi, guardHigh);
    }
    double pad = Math.max(MIN_POSITION_SPAN_CM - (hi - lo), 0) / 2;
    lo -= pad;
    hi += pad;
    double margin = 0.12 * (hi - lo);
    positionPlot.getRangeAxis().setRange(lo - margin, hi + margin);
  }

  private void updatePassMarks(double fromS) {
    while (!passes.isEmpty() && passes.peekFirst()[0] < fromS) {
      passes.removeFirst();
    }
    int i = 0;
    for (double[] p : passes) {
      passX[i] = rel(p[0]);
      passY[i] = p[1];
      passIndex[i] = (int) p[2];
      i++;
    }
    passMarks.set(passX, passY, i);
  }

  private void pruneShades(double fromS) {
    for (Iterator<Shade> it = shades.iterator(); it.hasNext(); ) {
      Shade s = it.next();
      if (s.toS() < fromS) {
        positionPlot.removeDomainMarker(s.marker(), Layer.BACKGROUND);
        it.remove();
      }
    }
  }

  private void updateRunning(double sinceS, StillMode mode, double endS) {
    boolean show = !Double.isNaN(sinceS) && mode != StillMode.NONE;
    if (show) {
      running.setStartValue(rel(sinceS));
      running.setEndValue(rel(endS));
      running.setPaint(mode == StillMode.HOLD ? HOLD : DWELL);
    }
    if (show != runningShown) {
      if (show) {
        positionPlot.addDomainMarker(running, Layer.BACKGROUND);
      } else {
        positionPlot.removeDomainMarker(running, Layer.BACKGROUND);
      }
      runningShown = show;
    }
  }

  private void updateRange(double low, double high, double growth) {
    boolean show = !Double.isNaN(low);
    if (show) {
      startRange.setStartValue(low);
      startRange.setEndValue(high);
      guardLow.setValue(low - growth);
      guardHigh.setValue(high + growth);
    }
    if (show != rangeShown) {
      if (show) {
        positionPlot.addRangeMarker(startRange, Layer.BACKGROUND);
        positionPlot.addRangeMarker(guardLow);
        positionPlot.addRangeMarker(guardHigh);
      } else {
        positionPlot.clearRangeMarkers();
      }
      rangeShown = show;
    }
  }

  private double rel(double tS) {
    return Double.isNaN(originS) ? 0 : tS - originS;
  }

  private static XYPlot linePlot(ArrayDataset data, Color color, String label, float width) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    axis.setAutoRangeMinimumSize(10);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    // One path per series instead of one line per segment: far fewer draw calls per frame.
    r.setDrawSeriesLineAsPath(true);
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    XYPlot p = new XYPlot(data, null, axis, r);
    p.setBackgroundPaint(PLOT_BACKGROUND);
    p.setDomainGridlinePaint(GRID);
    p.setRangeGridlinePaint(GRID);
    p.setOutlineVisible(false);
    return p;
  }

  private static ValueMarker dashed(Color c) {
    return dashed(c, 0);
  }

  private static ValueMarker dashed(Color c, double value) {
    return new ValueMarker(value, c, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
  }

  /** Seconds as m:ss on the time axis. */
  private static final class MinutesFormat extends NumberFormat {
    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      long s = Math.round(number);
      return to.append(s / 60).append(':').append(String.format("%02d", Math.abs(s % 60)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException();
    }
  }
}
