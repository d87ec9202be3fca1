"""Charts drawn on the server as SVG: no JavaScript, in Loket's colours, with a title and a description for screen
readers (the table beside each chart carries the same numbers). Only geometry is computed here; the template writes
the elements and escapes every text."""

from dataclasses import dataclass, field

from django.utils.formats import number_format

# Loket's palette (loket.css): brand blue, its dark shade, the warning amber, a soft grey. Each series also differs
# by pattern of position in the legend, so colour is never the only difference.
COLOURS = ("#0b5cad", "#b7791f", "#4a5565", "#07437f")
WIDTH, HEIGHT = 720, 260
LEFT, BOTTOM, TOP, RIGHT = 48, 40, 16, 8


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str  # "Offered, Team A: 12", the bar's own tooltip (SVG <title>)


@dataclass
class Chart:
    title: str
    description: str
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # y position, value
    labels: list[tuple[float, str]] = field(default_factory=list)  # x centre, category
    legend: list[tuple[str, str]] = field(default_factory=list)  # colour, series name
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right: int = WIDTH - RIGHT


def _number(value: float) -> str:
    """In the reader's notation (12,5 in Dutch), without a decimal for whole numbers."""
    return number_format(int(value) if float(value).is_integer() else value)


def _nice_maximum(value: float) -> float:
    """A round top for the axis (1, 2 or 5 times a power of ten) so the ticks are easy to read."""
    if value <= 0:
        return 1
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 5, 10):
        if value <= factor * step:
            return float(factor * step)
    return float(10 * step)


def bar_chart(*, title: str, description: str, categories: list[str], series: list[tuple[str, list[float]]]) -> Chart:
    """Grouped bars: one group per category, one bar per series."""
    chart = Chart(title=title, description=description)
    chart.legend = [(COLOURS[i % len(COLOURS)], name) for i, (name, _) in enumerate(series)]
    top = _nice_maximum(max((v for _, values in series for v in values), default=0))
    plot_height = HEIGHT - TOP - BOTTOM
    chart.ticks = [(chart.baseline - plot_height * n / 4, _number(top * n / 4)) for n in range(5)]
    if not categories:
        return chart
    group = (chart.right - chart.left) / len(categories)
    bar = max(1.0, group * 0.8 / max(1, len(series)))
    # Long periods have many days: label every n-th category so the labels do not overlap.
    every = max(1, round(len(categories) / 12))
    for c, category in enumerate(categories):
        x0 = chart.left + c * group + group * 0.1
        if c % every == 0:
            chart.labels.append((chart.left + c * group + group / 2, category))
        for s, (name, values) in enumerate(series):
            height = plot_height * values[c] / top
            chart.bars.append(
                Bar(
                    x=round(x0 + s * bar, 2),
                    y=round(chart.baseline - height, 2),
                    width=round(bar, 2),
                    height=round(height, 2),
                    colour=COLOURS[s % len(COLOURS)],
                    label=f"{name}, {category}: {values[c]:g}",
                )
            )
    return chart


@dataclass
class Cell:
    x: float
    y: float
    opacity: float
    label: str


@dataclass
class Heatmap:
    title: str
    description: str
    rows: list[tuple[float, str]]  # y centre, weekday
    columns: list[tuple[float, str]]  # x centre, hour
    cells: list[Cell]
    cell_width: float
    cell_height: float
    width: int = WIDTH
    height: int = 230
    colour: str = COLOURS[0]


def heatmap(*, title: str, description: str, weekdays: list[str], grid: list[list[int]], unit: str) -> Heatmap:
    """Hours of the week: a row per weekday, a column per hour, darker where more chats were offered."""
    left, top, cell_w, cell_h = 90, 24, (WIDTH - 90 - RIGHT) / 24, 26.0
    peak = max((v for row in grid for v in row), default=0) or 1
    cells = [
        Cell(
            x=round(left + h * cell_w, 2),
            y=top + w * cell_h,
            opacity=round(0.08 + 0.92 * value / peak, 3),
            label=f"{weekdays[w]} {h:02d}:00: {value} {unit}",
        )
        for w, row in enumerate(grid)
        for h, value in enumerate(row)
    ]
    return Heatmap(
        title=title, description=description, cells=cells, cell_width=round(cell_w - 1, 2), cell_height=cell_h - 1,
        rows=[(top + w * cell_h + cell_h / 2, name) for w, name in enumerate(weekdays)],
        columns=[(round(left + h * cell_w + cell_w / 2, 2), f"{h:02d}") for h in range(0, 24, 3)],
    )  # fmt: skip
