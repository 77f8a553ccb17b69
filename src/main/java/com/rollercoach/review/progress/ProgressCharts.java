package com.rollercoach.review.progress;

import static com.rollercoach.review.report.SessionCharts.DWELL;
import static com.rollercoach.review.report.SessionCharts.GAP;
import static com.rollercoach.review.report.SessionCharts.HOLD;
import static com.rollercoach.review.report.SessionCharts.INK;
import static com.rollercoach.review.report.SessionCharts.LABEL;
import static com.rollercoach.review.report.SessionCharts.PASS;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.report.SessionCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The charts of the progress page: one point per session (or bar per week) on a calendar axis. */
public final class ProgressCharts {
  public static final String SESSIONS = "Sessions";
  public static final String ROLLS = "Rolls";
  public static final String PACE = "Pace";
  public static final String RANGE = "Range";
  public static final String SPOTS = "Tender spots";
  public static final String HOLD_S = "Hold (s)";
  public static final String BREATHS = "Breaths in hold";
  public static final String PAIN_BEFORE = "Pain before";
  public static final String PAIN_AFTER = "Pain after";

  private static final long WEEK_MS = Duration.ofDays(7).toMillis();

  private final ProgressData data;
  private final java.util.function.Function<java.time.LocalDate, CoachingTargets> targetsOn;
  private final ZoneId zone;

  /**
   * @param targetsOn the targets in force on a day (the patient's prescription history): each week is
   *     drawn against what was prescribed then, not against today's prescription
   */
  public ProgressCharts(ProgressData data, java.util.function.Function<java.time.LocalDate, CoachingTargets> targetsOn,
      ZoneId zone) {
    this.data = data;
    this.targetsOn = targetsOn;
    this.zone = zone;
  }

  /** One prescription for every day of the page. */
  public ProgressCharts(ProgressData data, CoachingTargets targets, ZoneId zone) {
    this(data, day -> targets, zone);
  }

  /** A value in force from a day on. */
  private record Step<T>(java.time.LocalDate from, T value) {}

  /**
   * {@code f}'s value over the page's days, one step each time it changes (the first step from the
   * first day shown).
   */
  private <T> List<Step<T>> steps(java.util.function.Function<java.time.LocalDate, T> f) {
    List<Step<T>> out = new java.util.ArrayList<>();
    if (data.weeks().isEmpty()) return out;
    java.time.LocalDate end = data.weeks().get(data.weeks().size() - 1).monday().plusDays(7);
    for (var d = data.weeks().get(0).monday(); d.isBefore(end); d = d.plusDays(1)) {
      T v = f.apply(d);
      if (out.isEmpty() || !out.get(out.size() - 1).value().equals(v)) out.add(new Step<>(d, v));
    }
    return out;
  }

  /** "10–20, from 9 Nov 15–25": the values in force and when each began. */
  private static <T> String history(List<Step<T>> steps, java.util.function.Function<T, String> text) {
    java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      if (i > 0) b.append(", from ").append(day.format(steps.get(i).from())).append(' ');
      b.append(text.apply(steps.get(i).value()));
    }
    return b.toString();
  }

  /**
   * A target that changed over the page, drawn as a step line (dataset {@code index}) over the days
   * it was in force, and named under the title: today's target drawn across every week showed the
   * early weeks against targets not yet prescribed.
   */
  private void stepLine(XYPlot plot, int index, List<Step<Double>> steps, Color color) {
    XYSeries s = new XYSeries("target " + index, false, true);
    long end = millis(data.weeks().get(data.weeks().size() - 1).monday().plusDays(7));
    for (int i = 0; i < steps.size(); i++) {
      long from = millis(steps.get(i).from());
      long to = i + 1 < steps.size() ? millis(steps.get(i + 1).from()) : end;
      s.add(from, steps.get(i).value());
      s.add(to - 1, steps.get(i).value());
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {5, 4}, 0));
    plot.setDataset(index, new XYSeriesCollection(s));
    plot.setRenderer(index, r);
  }

  private static void subtitle(JFreeChart chart, String text) {
    org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(text, LABEL);
    t.setPaint(HOLD.darker());
    chart.addSubtitle(t);
  }

  /** The current week's bar while it is below the prescription: not missed yet. */
  static final java.awt.Color IN_PROGRESS = new java.awt.Color(0x9a, 0xa5, 0xb1);

  /**
   * Sessions per week as bars (green when the prescription was met, grey for the week in progress
   * that has not met it yet), the prescription as a line.
   */
  public JFreeChart sessionsPerWeek() {
    XYSeries s = new XYSeries(SESSIONS);
    for (WeekStats w : data.weeks()) s.add(millis(w.monday()) + WEEK_MS / 2.0, w.sessions());
    XYSeriesCollection c = new XYSeriesCollection(s);
    c.setIntervalWidth(WEEK_MS * 0.7);
    List<WeekStats> weeks = data.weeks();
    XYBarRenderer r = new XYBarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        WeekStats w = weeks.get(column);
        return w.metPrescription() ? HOLD : w.inProgress() ? IN_PROGRESS : DWELL;
      }
    };
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    XYPlot plot = plot(c, r, "sessions");
    // each week against what was prescribed for it (the aggregator's rule: in force on its Sunday)
    List<Step<Double>> prescribed = new java.util.ArrayList<>();
    for (WeekStats w : weeks) {
      if (w.beforeStart()) continue;
      double v = w.prescribed();
      if (prescribed.isEmpty() || prescribed.get(prescribed.size() - 1).value() != v) {
        prescribed.add(new Step<>(w.monday(), v));
      }
    }
    if (prescribed.size() <= 1) {
      plot.addRangeMarker(line(prescribed.isEmpty() ? data.prescription().sessionsPerWeek()
          : prescribed.get(0).value(), INK, "prescribed"));
    } else {
      stepLine(plot, 1, prescribed, INK);
    }
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.25);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    JFreeChart chart = chart("sessions-per-week", "Sessions per week", plot, false);
    if (prescribed.size() > 1) subtitle(chart, "prescribed: " + history(prescribed, v -> Math.round(v) + " a week"));
    return chart;
  }

  public JFreeChart rolls() {
    XYPlot plot = perSession(ROLLS, e -> e.summary().rolls(), "rolls", PASS);
    List<Step<List<Integer>>> targets = steps(d -> List.of(targetsOn.apply(d).rollsMin(), targetsOn.apply(d).rollsMax()));
    if (targets.size() <= 1) {
      CoachingTargets t = targetsOn.apply(data.weeks().isEmpty() ? java.time.LocalDate.now(zone)
          : data.weeks().get(0).monday());
      IntervalMarker band = new IntervalMarker(t.rollsMin(), t.rollsMax(),
          new Color(HOLD.getRed(), HOLD.getGreen(), HOLD.getBlue(), 40));
      band.setLabel("target " + t.rollsMin() + "–" + t.rollsMax());
      band.setLabelFont(LABEL);
      band.setLabelPaint(HOLD.darker());
      band.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addRangeMarker(band, Layer.BACKGROUND);
      includeInRange(plot, t.rollsMax());
    } else {
      stepLine(plot, 1, targets.stream().map(x -> new Step<>(x.from(), (double) x.value().get(0))).toList(), HOLD);
      stepLine(plot, 2, targets.stream().map(x -> new Step<>(x.from(), (double) x.value().get(1))).toList(), HOLD);
    }
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    JFreeChart chart = chart("rolls", "Rolls per session", plot, false);
    if (targets.size() > 1) subtitle(chart, "target as prescribed: " + history(targets, v -> v.get(0) + "–" + v.get(1)));
    return chart;
  }

  /**
   * The axis reaches {@code value}: a target band above every session's value was not drawn at all
   * (a marker outside the axis's range is left out), so a page of short sessions showed no target.
   */
  private void includeInRange(XYPlot plot, double value) {
    if (data.weeks().isEmpty()) return;
    XYSeries s = new XYSeries("range", false, true);
    s.add(millis(data.weeks().get(0).monday()), value);
    XYLineAndShapeRenderer none = new XYLineAndShapeRenderer(false, false);
    int index = plot.getDatasetCount();
    plot.setDataset(index, new XYSeriesCollection(s));
    plot.setRenderer(index, none);
  }

  public JFreeChart pace() {
    XYPlot plot = perSession(PACE,
        e -> e.summary().passes() > 0 ? e.summary().paceCmS() : Double.NaN, "cm/s", PASS);
    // the pace guard is the protocol's, not the prescription's (Prescription.targets)
    CoachingTargets targets = CoachingTargets.defaults();
    plot.addRangeMarker(line(targets.paceCmS(), HOLD, "target pace"));
    plot.addRangeMarker(line(targets.paceTooFastCmS(), GAP, "too fast"));
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    return chart("pace", "Pace (median pass speed)", plot, false);
  }

  public JFreeChart range() {
    XYPlot plot = perSession(RANGE,
        e -> e.summary().passes() > 0 ? e.summary().rangeCm() : Double.NaN, "cm", PASS);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    return chart("range", "Rolling range along the back", plot, false);
  }

  /** Every dwell's position by session date; the recurring spots as dashed lines. */
  public JFreeChart tenderSpots() {
    XYSeries s = new XYSeries(SPOTS, false, true);
    for (SessionEntry e : data.sessions()) {
      for (double[] d : data.dwells().getOrDefault(e.id(), List.of())) {
        s.add(e.startedAt().toEpochMilli(), d[2]);
      }
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesPaint(0, DWELL);
    r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    XYPlot plot = plot(new XYSeriesCollection(s), r, "position along the back (cm)");
    int n = 0;
    for (TenderSpot spot : data.spots()) {
      if (spot.sessions() < 2) continue;
      plot.addRangeMarker(line(spot.positionCm(), DWELL,
          String.format(Locale.ROOT, "spot %d: %d sessions", ++n, spot.sessions())));
    }
    return chart("tender-spots", "Tender spots across sessions", plot, false);
  }

  /** Hold duration (left axis) and breaths in the hold (right axis), per session. */
  public JFreeChart hold() {
    XYPlot plot = perSession(HOLD_S, e -> e.summary().holdS(), "hold (s)", HOLD);
    List<Step<Double>> targets = steps(d -> targetsOn.apply(d).holdTargetS());
    if (targets.size() <= 1) {
      double t = targets.isEmpty() ? targetsOn.apply(java.time.LocalDate.now(zone)).holdTargetS()
          : targets.get(0).value();
      plot.addRangeMarker(line(t, HOLD, "target"));
    } else {
      stepLine(plot, 2, targets, HOLD);
    }
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    XYSeries breaths = series(BREATHS,
        e -> e.summary().holdS() > 0 ? e.summary().breaths() : Double.NaN);
    NumberAxis right = new NumberAxis("breaths");
    right.setLabelFont(LABEL);
    right.setTickLabelFont(LABEL);
    right.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(1, right);
    plot.setDataset(1, new XYSeriesCollection(breaths));
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, renderer(INK));
    ((XYLineAndShapeRenderer) plot.getRenderer(1)).setSeriesStroke(0, new BasicStroke(1.2f,
        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
    JFreeChart chart = chart("hold", "Extension hold and breathing", plot, true);
    if (targets.size() > 1) {
      subtitle(chart, "target as prescribed: " + history(targets, v -> Math.round(v) + " s"));
      // the step line is no series of the legend's
      chart.getXYPlot().setFixedLegendItems(legendWithout(chart.getXYPlot(), 2));
    }
    return chart;
  }

  private static org.jfree.chart.LegendItemCollection legendWithout(XYPlot plot, int dataset) {
    org.jfree.chart.LegendItemCollection out = new org.jfree.chart.LegendItemCollection();
    for (int i = 0; i < plot.getDatasetCount(); i++) {
      if (i == dataset || plot.getRenderer(i) == null) continue;
      out.addAll(plot.getRenderer(i).getLegendItems());
    }
    return out;
  }

  public JFreeChart pain() {
    XYSeriesCollection c = new XYSeriesCollection();
    c.addSeries(series(PAIN_BEFORE, e -> pain(e.notes().painBefore())));
    c.addSeries(series(PAIN_AFTER, e -> pain(e.notes().painAfter())));
    XYLineAndShapeRenderer r = renderer(GAP);
    r.setSeriesPaint(1, HOLD);
    r.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
    XYPlot plot = plot(c, r, "pain (0–10)");
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setRange(0, 10.5);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return chart("pain", "Pain before and after (0–10)", plot, true);
  }

  private static double pain(java.util.OptionalInt p) {
    return p.isPresent() ? p.getAsInt() : Double.NaN;
  }

  private XYPlot perSession(String key, ToDoubleFunction<SessionEntry> f, String yLabel, Color color) {
    return plot(new XYSeriesCollection(series(key, f)), renderer(color), yLabel);
  }

  /** One point per session; sessions without a value are left out rather than drawn at zero. */
  private XYSeries series(String key, ToDoubleFunction<SessionEntry> f) {
    XYSeries s = new XYSeries(key, false, true);
    for (SessionEntry e : data.sessions()) {
      double v = f.applyAsDouble(e);
      if (!Double.isNaN(v)) s.add(e.startedAt().toEpochMilli(), v);
    }
    return s;
  }

  private static XYLineAndShapeRenderer renderer(Color color) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, new BasicStroke(1.2f));
    r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    return r;
  }

  private XYPlot plot(XYSeriesCollection c, org.jfree.chart.renderer.xy.XYItemRenderer r, String yLabel) {
    DateAxis x = new DateAxis();
    SimpleDateFormat fmt = new SimpleDateFormat("d MMM", Locale.ENGLISH);
    fmt.setTimeZone(TimeZone.getTimeZone(zone));
    x.setDateFormatOverride(fmt);
    x.setTimeZone(TimeZone.getTimeZone(zone));
    x.setTickLabelFont(LABEL);
    if (!data.weeks().isEmpty()) {
      x.setRange(millis(data.weeks().get(0).monday()),
          millis(data.weeks().get(data.weeks().size() - 1).monday()) + WEEK_MS);
    }
    NumberAxis y = new NumberAxis(yLabel);
    y.setLabelFont(LABEL);
    y.setTickLabelFont(LABEL);
    y.setAutoRangeIncludesZero(false);
    return SessionCharts.styled(new XYPlot(c, x, y, r));
  }

  private long millis(java.time.LocalDate day) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static ValueMarker line(double v, Color color, String label) {
    ValueMarker m = new ValueMarker(v, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
    m.setLabel(label);
    m.setLabelFont(LABEL.deriveFont(Font.BOLD));
    m.setLabelPaint(color.darker());
    m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return m;
  }

  private static JFreeChart chart(String id, String title, XYPlot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, legend);
    chart.setID(id);
    chart.setBackgroundPaint(Color.WHITE);
    if (legend) {
      chart.getLegend().setItemFont(LABEL);
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    return chart;
  }
}
