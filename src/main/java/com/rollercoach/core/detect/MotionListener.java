package com.rollercoach.core.detect;

/** Receives the pipeline's events, on the thread that feeds samples. */
@FunctionalInterface
public interface MotionListener {
  void onEvent(MotionEvent event);
}
