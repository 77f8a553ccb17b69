package com.rollercoach.review.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A line-and-shape renderer that wraps every item shape it draws (passes' turning points, pass
 * speeds) in its own SVG group, {@code <g id="CHART-sS-iI" jfreesvg:ref='{"series":KEY,"item":I}'>},
 * so that a report's marks can be found, counted and linked in the SVG. Other Graphics2D targets
 * (PNG) reject these hints, so they only get them when drawing SVG.
 */
final class MarkedShapeRenderer extends XYLineAndShapeRenderer {
  private final String chartId;

  MarkedShapeRenderer(String chartId) {
    this.chartId = chartId;
  }

  @Override
  public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
      PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
      XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
    boolean mark = g2 instanceof SVGGraphics2D && isItemPass(pass) && getItemShapeVisible(series, item);
    if (mark) {
      String key = String.valueOf(dataset.getSeriesKey(series)).replace("\"", "'");
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of(
          "id", chartId + "-s" + series + "-i" + item,
          "ref", "{\"series\":\"" + key + "\",\"item\":" + item + "}"));
    }
    super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
        crosshairState, pass);
    if (mark) g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
  }
}
