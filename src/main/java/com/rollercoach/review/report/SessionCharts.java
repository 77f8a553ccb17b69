package com.rollercoach.review.report;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.PositionTrace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of one session, as JFreeChart objects: the HTML report renders them to SVG, the GUI
 * shows them in a ChartViewer. Time runs in seconds from the session start.
 */
public final class SessionCharts {
  public static final String POSITION = "Position along the back";
  public static final String PASS_ENDS = "Pass turning points";
  public static final String SPEED = "Speed";
  public static final String PASS_SPEED = "Pass mean speed";
  public static final String TIME_AT = "Time at position";

  public static final Color INK = new Color(0x1f, 0x3a, 0x5f);
  public static final Color PASS = new Color(0x2a, 0x7a, 0xb8);
  public static final Color DWELL = new Color(0xe0, 0x7b, 0x18);
  public static final Color HOLD = new Color(0x3c, 0x9d, 0x5d);
  public static final Color OFF = new Color(0xdd, 0xdd, 0xdd);
  public static final Color GAP = new Color(0xc6, 0x28, 0x28);
  public static final Font LABEL = new Font("SansSerif", Font.PLAIN, 11);

  /** Beyond ~1500 points a 1000-px-wide chart only repeats pixels; min/max keeps every peak. */
  static final int MAX_POINTS = 1500;

  private SessionCharts() {}

  /** s(t) with passes' turning points, dwells and the hold shaded, off-roller time and gaps greyed. */
  public static JFreeChart timeline(SessionAnalysis a, PositionTrace trace) {
    double t0 = a.startS();
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(decimated(POSITION, trace, t0, false));
    XYSeries ends = new XYSeries(PASS_ENDS, false, true);
    for (Pass p : a.passes()) {
      if (p.index() == 1) ends.add(p.startS() - t0, p.fromCm());
      ends.add(p.endS() - t0, p.toCm());
    }
    data.addSeries(ends);
    XYLineAndShapeRenderer r = new MarkedShapeRenderer("timeline");
    r.setDrawSeriesLineAsPath(true);
    r.setSeriesPaint(0, INK);
    r.setSeriesStroke(0, new BasicStroke(1.4f));
    r.setSeriesShapesVisible(0, false);
    r.setSeriesPaint(1, PASS);
    r.setSeriesLinesVisible(1, false);
    r.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
    XYPlot plot = plot(data, r, "time (m:ss)", "position (cm)");
    shadeOffRoller(plot, a);
    int n = 0;
    for (Dwell d : a.dwells()) {
      IntervalMarker m = interval(d.startS() - t0, d.endS() - t0, DWELL, "Tender " + ++n);
      // Alternate label rows so that two short dwells side by side stay readable.
      m.setLabelOffset(new RectangleInsets(n % 2 == 0 ? 16 : 3, 3, 3, 3));
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
    for (ExtensionHold h : a.holds()) {
      plot.addDomainMarker(interval(h.startS() - t0, h.endS() - t0, HOLD, "Hold"), Layer.BACKGROUND);
    }
    for (double[] g : a.gaps()) {
      // Unlabelled: gaps are often many and short; the legend text and the event table name them.
      plot.addDomainMarker(interval(g[0] - t0, g[1] - t0, GAP, ""), Layer.BACKGROUND);
    }
    return chart("timeline", "Position along the back", plot);
  }

  /** Speed along the back with each pass's mean speed and the pace targets. */
  public static JFreeChart speed(SessionAnalysis a, PositionTrace trace, CoachingTargets targets) {
    double t0 = a.startS();
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(decimated(SPEED, trace, t0, true));
    XYSeries passes = new XYSeries(PASS_SPEED, false, true);
    // Over rolling time only: a pass interrupted by a tender spot is not a 0.2 cm/s pass.
    List<double[]> pauses = com.rollercoach.review.analysis.Rolling.pauses(a);
    for (Pass p : a.passes()) {
      double v = com.rollercoach.review.analysis.Rolling.speed(p, pauses);
      if (!Double.isNaN(v)) passes.add((p.startS() + p.endS()) / 2 - t0, v);
    }
    data.addSeries(passes);
    XYLineAndShapeRenderer r = new MarkedShapeRenderer("speed");
    r.setDrawSeriesLineAsPath(true);
    r.setSeriesPaint(0, new Color(0x9a, 0xa8, 0xb8));
    r.setSeriesShapesVisible(0, false);
    r.setSeriesPaint(1, PASS);
    r.setSeriesLinesVisible(1, false);
    r.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    XYPlot plot = plot(data, r, "time (m:ss)", "speed (cm/s)");
    shadeOffRoller(plot, a);
    plot.addRangeMarker(hline(targets.paceCmS(), HOLD, "target pace"));
    // Below its line at the right end: above it, at the top of a short chart, the label is cut off,
    // and at the left it would sit on "target pace".
    Marker tooFast = hline(targets.paceTooFastCmS(), GAP, "too fast");
    tooFast.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
    tooFast.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    plot.addRangeMarker(tooFast);
    ((NumberAxis) plot.getRangeAxis()).setLowerBound(0);
    return chart("speed", "Speed along the back", plot);
  }

  /** Where the roller spent its time along the back (1 cm bins), tender spots and the hold marked. */
  public static JFreeChart timeAtPosition(SessionAnalysis a, PositionTrace trace) {
    double[] span = trace.onRollerSpan();
    double from = Math.floor(span[0]);
    int bins = Math.max(1, (int) Math.ceil(span[1]) - (int) from);
    double[] seconds = trace.timeAtPosition(from, 1.0, bins);
    XYSeries s = new XYSeries(TIME_AT, true, false);
    double max = 0;
    for (int i = 0; i < bins; i++) {
      s.add(from + i + 0.5, seconds[i]);
      max = Math.max(max, seconds[i]);
    }
    double peak = max;
    XYBarRenderer r = new XYBarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return heat(peak > 0 ? s.getY(column).doubleValue() / peak : 0);
      }
    };
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setMargin(0.05);
    XYPlot plot = plot(new XYSeriesCollection(s), r, "position along the back (cm)", "seconds");
    ((NumberAxis) plot.getDomainAxis()).setNumberFormatOverride(null);
    ((NumberAxis) plot.getDomainAxis()).setAutoTickUnitSelection(true);
    List<Marker> lines = new java.util.ArrayList<>();
    int n = 0;
    for (Dwell d : a.dwells()) lines.add(line(d.positionCm(), DWELL, "T" + ++n));
    for (ExtensionHold h : a.holds()) lines.add(line(h.positionCm(), HOLD, "Hold"));
    // Tender spots 1 cm apart would print "T2T1" on top of each other: labels take three rows in
    // order of position, so neighbours never share one.
    lines.sort(java.util.Comparator.comparingDouble(m -> ((ValueMarker) m).getValue()));
    for (int i = 0; i < lines.size(); i++) {
      lines.get(i).setLabelOffset(new RectangleInsets(3 + 13 * (i % 3), 3, 3, 3));
      plot.addDomainMarker(lines.get(i));
    }
    JFreeChart chart = chart("time-at-position", "Where the roller spent its time", plot);
    chart.removeLegend();
    return chart;
  }

  /** Pale blue of the mid/upper-back band; paler for its uncertain edges. */
  public static final Color BAND = new Color(0x2a, 0x7a, 0xb8, 0x22);
  public static final Color BAND_EDGE = new Color(0x2a, 0x7a, 0xb8, 0x10);

  /**
   * Puts a position chart on the back: the axis names the landmark and direction, and the
   * mid/upper-back band is drawn with its uncertain edges. {@code positionIsDomain} for the
   * time-at-position chart (position across), else position is the vertical axis.
   */
  public static JFreeChart onBack(JFreeChart chart, com.rollercoach.review.frame.BackFrame frame,
      boolean positionIsDomain) {
    XYPlot plot = chart.getXYPlot();
    double lo = com.rollercoach.review.frame.BackFrame.BAND_LOW_CM;
    double hi = com.rollercoach.review.frame.BackFrame.BAND_HIGH_CM;
    double u = frame.uncertaintyCm();
    IntervalMarker core = new IntervalMarker(lo + u, hi - u, BAND);
    IntervalMarker low = new IntervalMarker(lo - u, lo + u, BAND_EDGE);
    IntervalMarker high = new IntervalMarker(hi - u, hi + u, BAND_EDGE);
    core.setLabel("mid/upper back");
    core.setLabelFont(LABEL);
    core.setLabelPaint(PASS);
    // Away from the event labels: across, those sit at their lines (the band's middle), so the band's
    // name goes to its left end; up the side, they sit along the top, so it goes to the lower right.
    core.setLabelAnchor(positionIsDomain ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_RIGHT);
    core.setLabelTextAnchor(positionIsDomain ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_RIGHT);
    core.setLabelOffset(new RectangleInsets(3, 3, 3, 3));
    String label = (positionIsDomain ? "position on the back (" : "position (") + frame.axisLabel() + ")";
    if (positionIsDomain) {
      for (IntervalMarker m : new IntervalMarker[] {low, core, high}) plot.addDomainMarker(m, Layer.BACKGROUND);
      plot.getDomainAxis().setLabel(label);
    } else {
      for (IntervalMarker m : new IntervalMarker[] {low, core, high}) plot.addRangeMarker(m, Layer.BACKGROUND);
      plot.getRangeAxis().setLabel(label);
    }
    return chart;
  }

  /** Pale yellow (little time) to deep red (most time). */
  public static Color heat(double f) {
    f = Math.max(0, Math.min(1, f));
    return new Color((int) (250 - 60 * f), (int) (220 - 190 * f), (int) (120 - 100 * f));
  }

  private static void shadeOffRoller(XYPlot plot, SessionAnalysis a) {
    double t0 = a.startS();
    double last = 0;
    for (double[] on : a.onPeriods()) {
      if (on[0] - t0 > last) plot.addDomainMarker(interval(last, on[0] - t0, OFF, null), Layer.BACKGROUND);
      last = on[1] - t0;
    }
    if (a.durationS() > last) plot.addDomainMarker(interval(last, a.durationS(), OFF, null), Layer.BACKGROUND);
  }

  /** Min/max per bucket so a fast stroke's turning points survive decimation. */
  static XYSeries decimated(String key, PositionTrace trace, double t0, boolean absSpeed) {
    XYSeries s = new XYSeries(key, false, true);
    int n = trace.size();
    int per = Math.max(1, (int) Math.ceil(n / (MAX_POINTS / 2.0)));
    for (int i = 0; i < n; i += per) {
      int lo = i;
      int hi = i;
      for (int j = i; j < Math.min(n, i + per); j++) {
        if (value(trace, j, absSpeed) < value(trace, lo, absSpeed)) lo = j;
        if (value(trace, j, absSpeed) > value(trace, hi, absSpeed)) hi = j;
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      s.add(trace.timeS(first) - t0, value(trace, first, absSpeed));
      if (second != first) s.add(trace.timeS(second) - t0, value(trace, second, absSpeed));
    }
    return s;
  }

  private static double value(PositionTrace t, int i, boolean absSpeed) {
    if (!absSpeed) return t.positionCm(i);
    return t.onRoller(i) ? Math.abs(t.speedCmS(i)) : 0;
  }

  private static XYPlot plot(XYSeriesCollection data, org.jfree.chart.renderer.xy.XYItemRenderer r,
      String xLabel, String yLabel) {
    NumberAxis x = new NumberAxis(xLabel);
    x.setNumberFormatOverride(new ClockFormat());
    x.setAutoRangeIncludesZero(false);
    x.setLabelFont(LABEL);
    x.setTickLabelFont(LABEL);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    // a flat trace (no rolling) spans at least 1 cm or 1 cm/s, not -5E-9 to 5E-9
    y.setAutoRangeMinimumSize(1.0);
    y.setLabelFont(LABEL);
    y.setTickLabelFont(LABEL);
    XYPlot plot = new XYPlot(data, x, y, r);
    return styled(plot);
  }

  /** The reports' plot style (white, light grid, no outline), shared with the progress charts. */
  public static XYPlot styled(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xe4, 0xe4, 0xe4));
    plot.setRangeGridlinePaint(new Color(0xe4, 0xe4, 0xe4));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setOutlineVisible(false);
    return plot;
  }

  static void minuteTicks(XYPlot plot, double durationS) {
    double unit = durationS > 1800 ? 300 : durationS > 600 ? 120 : durationS > 180 ? 60 : 15;
    ((NumberAxis) plot.getDomainAxis()).setTickUnit(new NumberTickUnit(unit, new ClockFormat()));
  }

  private static JFreeChart chart(String id, String title, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, true);
    chart.setID(id);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(LABEL);
    chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    return chart;
  }

  private static IntervalMarker interval(double from, double to, Color color, String label) {
    IntervalMarker m = new IntervalMarker(from, to, withAlpha(color, label == null ? 140 : 70));
    m.setOutlinePaint(null);
    if (label != null && !label.isEmpty()) {
      m.setLabel(label);
      m.setLabelFont(LABEL);
      m.setLabelPaint(color.darker());
      m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      m.setLabelFont(LABEL.deriveFont(Font.BOLD));
      m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    }
    return m;
  }

  /** A dashed line; its label sits at the top right of a vertical line, above-left of a horizontal one. */
  private static Marker line(double value, Color color, String label) {
    return line(value, color, label, false);
  }

  private static Marker hline(double value, Color color, String label) {
    return line(value, color, label, true);
  }

  private static Marker line(double value, Color color, String label, boolean horizontal) {
    ValueMarker m = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
    m.setLabel(label);
    m.setLabelFont(LABEL);
    m.setLabelPaint(color.darker());
    m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
    m.setLabelFont(LABEL.deriveFont(Font.BOLD));
    m.setLabelAnchor(horizontal ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(horizontal ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
    return m;
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  static List<String> seriesKeys() {
    return List.of(POSITION, PASS_ENDS, SPEED, PASS_SPEED, TIME_AT);
  }
}
