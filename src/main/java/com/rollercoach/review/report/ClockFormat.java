package com.rollercoach.review.report;

import com.rollercoach.review.analysis.Durations;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Axis labels for seconds from the session start, as m:ss. */
final class ClockFormat extends NumberFormat {
  @Override
  public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
    return toAppendTo.append(Durations.clock(number));
  }

  @Override
  public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
    return format((double) number, toAppendTo, pos);
  }

  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    return null;
  }
}
