package com.rollercoach.review.report;

import com.rollercoach.core.NumberText;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;

/** Renders JFreeChart charts as inline SVG (JFreeSVG) and as PNG files. */
public final class ChartImages {
  private ChartImages() {}

  /**
   * The chart as an {@code <svg>} element to inline in HTML. The chart's id (see {@link
   * JFreeChart#setID}) becomes the SVG's id and, with element hinting, the id of its top-level
   * group; {@link MarkedShapeRenderer} groups each item mark under its series key. Text stays text (searchable, and small).
   */
  public static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height, SVGUnits.PX);
    g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    // A tenth of a pixel is below what any screen shows; JFreeSVG's default prints 15 digits.
    g2.setGeomDoubleConverter(ChartImages::tenths);
    g2.setTransformDoubleConverter(ChartImages::tenths);
    chart.setElementHinting(true);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    String id = chart.getID();
    // The viewBox lets the chart scale with the page (a printed A4 column is narrower than the
    // screen); without it browsers crop the drawing instead of shrinking it.
    return g2.getSVGElement(id, true, new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
  }

  private static String tenths(double d) {
    return NumberText.upTo(d, 1);
  }

  public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
  }
}
