package dev.missioncontrol.tools.logs;

/**
 * A measurement that moved steadily over the log, e.g. latency climbing from 120 ms to 2,400 ms.
 *
 * @param perUnit     the fitted change per minute (timed logs) or per 1,000 lines
 * @param toLimit     for percentages still rising: minutes (or thousands of lines) until 100 % at this rate; else -1
 */
public record Trend(int templateId, String label, String unit, long readings, double firstValue, double lastValue,
                    double min, double max, double perUnit, double r2, double toLimit,
                    NumericSeries.Reading first, NumericSeries.Reading last) {

    static final long MIN_READINGS = 10;
    static final double MIN_R2 = 0.6;
    /** A change smaller than half the starting value is ordinary wobble, not a trend. */
    static final double MIN_RELATIVE_CHANGE = 0.5;
    static final double MIN_PERCENT_POINTS = 20;

    /** The series as a trend, or null when it is flat, noisy or too short. */
    static Trend of(int templateId, NumericSeries s, boolean timed) {
        long n = s.fit.getN();
        if (n < MIN_READINGS || s.counter() || s.max == s.min || Double.isNaN(s.fit.getRSquare())
                || s.fit.getRSquare() < MIN_R2) {
            return null;
        }
        double start = s.fit.predict(s.first.x());
        double end = s.fit.predict(s.last.x());
        double change = end - start;
        boolean percent = "%".equals(s.unit);
        boolean big = percent ? Math.abs(change) >= MIN_PERCENT_POINTS
                : Math.abs(change) >= MIN_RELATIVE_CHANGE * Math.max(Math.abs(start), 1e-9);
        if (!big) {
            return null;
        }
        double scale = timed ? 60 : 1000;
        double perUnit = s.fit.getSlope() * scale;
        double toLimit = percent && perUnit > 0 && end < 100 ? (100 - end) / perUnit : -1;
        return new Trend(templateId, s.label, s.unit, n, s.first.value(), s.last.value(), s.min, s.max, perUnit,
                s.fit.getRSquare(), toLimit, s.first, s.last);
    }

    public boolean rising() {
        return perUnit > 0;
    }
}
