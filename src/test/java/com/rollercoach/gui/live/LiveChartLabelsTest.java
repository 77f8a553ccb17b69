package com.rollercoach.gui.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.CoachingTargets;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * Each value axis's title fits beside its own plot, at the size the 1280×800 window gives the chart:
 * in large text "speed (cm/s)" ran up the short speed plot over the position plot's "along the back
 * (cm)" (and in normal type it was 107 px beside a 99 px plot).
 */
class LiveChartLabelsTest {
  @Test
  void axisTitlesFitTheirPlotsInLargeText() {
    // the chart's size in the 1280×800 window: 920×450 in normal type, 840×360 in large text
    for (float scale : new float[] {1f, 1.35f}) {
      LiveChart live = new LiveChart(60, CoachingTargets.defaults(), scale);
      ChartRenderingInfo info = new ChartRenderingInfo();
      BufferedImage img = scale > 1 ? live.chart().createBufferedImage(840, 360, info)
          : live.chart().createBufferedImage(920, 450, info);
      Graphics2D g = img.createGraphics();
      CombinedDomainXYPlot plot = (CombinedDomainXYPlot) live.chart().getXYPlot();
      for (int i = 0; i < plot.getSubplots().size(); i++) {
        ValueAxis axis = ((XYPlot) plot.getSubplots().get(i)).getRangeAxis();
        double height = info.getPlotInfo().getSubplotInfo(i).getDataArea().getHeight();
        int width = g.getFontMetrics(axis.getLabelFont()).stringWidth(axis.getLabel());
        assertTrue(width <= height, "scale " + scale + ": '" + axis.getLabel() + "' is " + width
            + " px long beside a plot " + Math.round(height) + " px high");
      }
      g.dispose();
    }
  }
}
