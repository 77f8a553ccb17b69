package com.rollercoach.core.detect;

import java.util.List;

/** The events of one kind from a recorded list, in order (for tests that look at one kind). */
final class EventsOfKind {
  private EventsOfKind() {}

  static <T extends MotionEvent> List<T> of(List<MotionEvent> events, Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
