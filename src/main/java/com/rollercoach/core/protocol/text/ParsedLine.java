package com.rollercoach.core.protocol.text;

import java.util.List;

/** One text line, classified by shape before any meaning is given to its fields. */
sealed interface ParsedLine {
  /** Plain numbers separated by commas, spaces or tabs: {@code 1234,0.01,-0.02,1.00,0.5,-0.1,0.0}. */
  record Numbers(double[] values) implements ParsedLine {}

  /** Arduino Serial Plotter pairs: {@code ax:0.01,ay:-0.02 az:1.00}. */
  record Labelled(List<String> labels, double[] values) implements ParsedLine {}

  /**
   * One sensor per line with axis labels and a unit, as Adafruit's MPU6050 {@code basic_readings}
   * example prints: {@code Acceleration X: 0.12, Y: -0.34, Z: 9.81 m/s^2}.
   */
  record Triple(String sensor, double x, double y, double z, String unit) implements ParsedLine {}

  /** A {@code #} line with {@code key=value} or {@code key: value}. */
  record Header(String key, String value) implements ParsedLine {}

  /** Only words, e.g. a column header row {@code ax,ay,az,gx,gy,gz} or {@code X Y Z}. */
  record Words(List<String> words) implements ParsedLine {}

  /** Looks like data but is not: a field that is not a number, {@code nan}/{@code ovf}… */
  record Broken(String reason) implements ParsedLine {}

  /** Anything else a sketch prints: start-up banners, blank lines, {@code #} comments. */
  record Chatter() implements ParsedLine {}
}
