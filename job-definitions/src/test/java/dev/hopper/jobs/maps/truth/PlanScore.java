package dev.hopper.jobs.maps.truth;

/** How a parsed map compares with its truth; see {@link PlanScorer} for the rules. */
public record PlanScore(int truthSlots, int parsedSlots, int matched, double meanIou, int idsRight, int typesRight,
		int disabledTruth, int disabledFound, int evTruth, int evFound, int entrancesFound, int entrancesTruth,
		int laneEdgesFound, int laneEdgesTruth, int entranceKindsRight, int oneWaysFound, int oneWaysTruth) {

	public double precision() {
		return ratio(this.matched, this.parsedSlots);
	}

	public double recall() {
		return ratio(this.matched, this.truthSlots);
	}

	public double f1() {
		double p = precision();
		double r = recall();
		return (p + r == 0) ? 0 : 2 * p * r / (p + r);
	}

	public double idAccuracy() {
		return ratio(this.idsRight, this.matched);
	}

	public double typeAccuracy() {
		return ratio(this.typesRight, this.matched);
	}

	public double disabledRecall() {
		return ratio(this.disabledFound, this.disabledTruth);
	}

	public double evRecall() {
		return ratio(this.evFound, this.evTruth);
	}

	public double entranceRecall() {
		return ratio(this.entrancesFound, this.entrancesTruth);
	}

	public double laneEdgeRecall() {
		return ratio(this.laneEdgesFound, this.laneEdgesTruth);
	}

	/** Of the entrances found, those whose kind (entrance, exit, both) is right. */
	public double entranceKindAccuracy() {
		return ratio(this.entranceKindsRight, this.entrancesFound);
	}

	public double oneWayRecall() {
		return ratio(this.oneWaysFound, this.oneWaysTruth);
	}

	/** The sum of several plans' scores; ratios of the sums, mean IoU weighted by matches. */
	public PlanScore plus(PlanScore o) {
		int m = this.matched + o.matched;
		double iou = (m == 0) ? 0 : (this.meanIou * this.matched + o.meanIou * o.matched) / m;
		return new PlanScore(this.truthSlots + o.truthSlots, this.parsedSlots + o.parsedSlots, m, iou,
				this.idsRight + o.idsRight, this.typesRight + o.typesRight, this.disabledTruth + o.disabledTruth,
				this.disabledFound + o.disabledFound, this.evTruth + o.evTruth, this.evFound + o.evFound,
				this.entrancesFound + o.entrancesFound, this.entrancesTruth + o.entrancesTruth,
				this.laneEdgesFound + o.laneEdgesFound, this.laneEdgesTruth + o.laneEdgesTruth,
				this.entranceKindsRight + o.entranceKindsRight, this.oneWaysFound + o.oneWaysFound,
				this.oneWaysTruth + o.oneWaysTruth);
	}

	public static PlanScore zero() {
		return new PlanScore(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
	}

	private static double ratio(int numerator, int denominator) {
		return (denominator == 0) ? 1.0 : (double) numerator / denominator;
	}

}
