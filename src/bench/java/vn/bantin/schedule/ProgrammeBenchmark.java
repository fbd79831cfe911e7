package vn.bantin.schedule;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vn.bantin.content.ItemView;
import vn.bantin.timetable.Airings;
import vn.bantin.timetable.Placement;
import vn.bantin.timetable.Programme;

/**
 * How long {@link Programme#plan} takes for the workload of {@link YearOfProgramme}:
 * {@code slots:items:days}. {@code bench/schedule/run.sh} runs the year of 50 slots and
 * 1,000 items against the same timetable and items planned for one week (the baseline,
 * what the agenda's week view and the engine's re-planning ask for) and against one slot
 * and 10 items for the year (the planner's fixed cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProgrammeBenchmark {

	@Param({ "50:1000:7:358", "50:1000:7:0", "50:1000:365:0", "1:10:365:0" })
	public String scenario;

	private Programme programme;

	private List<ItemView> items;

	private Instant from;

	private Instant to;

	@Setup(Level.Trial)
	public void setUp() {
		String[] parts = this.scenario.split(":");
		this.programme = YearOfProgramme.programme(YearOfProgramme.timetable(Integer.parseInt(parts[0])));
		this.items = YearOfProgramme.items(Integer.parseInt(parts[1]));
		int first = Integer.parseInt(parts[3]);
		this.from = YearOfProgramme.day(first);
		this.to = YearOfProgramme.day(first + Integer.parseInt(parts[2]));
	}

	@Benchmark
	public List<Placement> plan() {
		return this.programme.plan(this.from, this.to, this.items, Airings.none());
	}

}
