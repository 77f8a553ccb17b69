package com.rollercoach.gui.summary;

/**
 * One line of the end-of-session summary: how one part of the protocol went.
 *
 * @param topic "Rolls", "Pace", "Range", "Tender spots", "Extension hold"
 * @param ok true when it met the prescription
 * @param text what happened and what the target was, in plain words
 */
public record Verdict(String topic, boolean ok, String text) {}
