package com.rollercoach.gui.live;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * One XY series over arrays the owner refills each frame: no per-point objects, no garbage. FX thread
 * only, like the chart that reads it.
 */
final class ArrayDataset extends AbstractXYDataset {
  private final String key;
  private double[] x = new double[0];
  private double[] y = new double[0];
  private int n;

  ArrayDataset(String key) {
    this.key = key;
  }

  /** Points at the given arrays (not copied: the caller owns them and refills them next frame). */
  void set(double[] xs, double[] ys, int count) {
    x = xs;
    y = ys;
    n = count;
    fireDatasetChanged();
  }

  @Override
  public int getSeriesCount() {
    return 1;
  }

  @Override
  public Comparable<?> getSeriesKey(int series) {
    return key;
  }

  @Override
  public int getItemCount(int series) {
    return n;
  }

  @Override
  public Number getX(int series, int item) {
    return x[item];
  }

  @Override
  public Number getY(int series, int item) {
    return y[item];
  }

  @Override
  public double getXValue(int series, int item) {
    return x[item];
  }

  @Override
  public double getYValue(int series, int item) {
    return y[item];
  }
}
