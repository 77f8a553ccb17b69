package com.rollercoach.review.library;

/**
 * The metrics of one session that the library indexes, so that listing, filtering and progress never
 * have to open a recording. Everything derives from the session's analysis.
 *
 * <p>No verdicts: whether a session met its targets depends on the prescription in force on its date
 * (which the physio may change, with history) and on its positions on the back, so checks are judged
 * when shown ({@code review.report.Checks}), never frozen in the index.
 *
 * @param durationS first to last sample, s
 * @param onRollerS time somebody was on the roller, s
 * @param passes one-way strokes of ≥ 5 cm
 * @param rolls up-and-down pairs of passes
 * @param paceCmS median pass speed, cm/s (0 without passes)
 * @param rangeCm span of contact positions reached while rolling, cm
 * @param dwells still segments on tender spots
 * @param holdS total extension-hold time, s (0 without a hold)
 * @param breaths inhale onsets over all holds
 * @param breathsPerMin breathing rate over the longest hold, NaN when unknown
 * @param gaps periods of missing data
 * @param gapS total missing time, s
 */
public record SessionSummary(
    double durationS,
    double onRollerS,
    int passes,
    int rolls,
    double paceCmS,
    double rangeCm,
    int dwells,
    double holdS,
    int breaths,
    double breathsPerMin,
    int gaps,
    double gapS) {}
