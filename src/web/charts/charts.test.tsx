import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderToString } from "preact-render-to-string";
import { BAR_AREA, BarChart, barWidth } from "./bar-chart.tsx";
import { barChartTable, ChartFigure, lineChartTable } from "./chart-figure.tsx";
import { LineChart, lineRuns, niceCeiling } from "./line-chart.tsx";
import { AXIS, BACKGROUND, BAR, contrastRatio, MUTED_TEXT, SERIES_STYLES, TEXT } from "./palette.ts";

const barWidths = (svg: string) =>
  [...svg.matchAll(/class="bar"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe("BarChart", () => {
  it("draws bars proportional to their values on the given scale, with each value written", () => {
    const svg = renderToString(
      <BarChart
        title="Part des demandes"
        unit="%"
        max={100}
        data={[
          { label: "Courriel", value: 50 },
          { label: "Téléphone", value: 25 },
          { label: "Accueil", value: 100 },
        ]}
      />,
    );
    assert.deepEqual(barWidths(svg), [BAR_AREA / 2, BAR_AREA / 4, BAR_AREA]);
    for (const text of ["50\u00a0%", "25\u00a0%", "100\u00a0%"])
      assert.ok(svg.includes(`>${text}</text>`), text);
  });

  it("scales on the largest shown value by default; a hidden sample is neither drawn nor sets the scale", () => {
    const svg = renderToString(
      <BarChart
        title="Joignabilité"
        data={[
          { label: "Courriel", value: 40 },
          { label: "Guichet", value: 1000, hidden: true },
          { label: "Web", value: 20, display: "20 (n = 12)" },
        ]}
      />,
    );
    assert.deepEqual(barWidths(svg), [BAR_AREA, BAR_AREA / 2]);
    assert.match(svg, />Échantillon insuffisant<\/text>/);
    assert.match(svg, />20 \(n = 12\)<\/text>/);
    assert.doesNotMatch(svg, />1\s?000/);
  });

  it("writes French decimals and clamps out-of-scale values", () => {
    assert.equal(barWidth(150, 100), BAR_AREA);
    assert.equal(barWidth(-5, 100), 0);
    const svg = renderToString(<BarChart title="t" unit="/10" data={[{ label: "a", value: 7.25 }]} />);
    assert.match(svg, />7,3\/10<\/text>/);
  });

  it("escapes labels and titles and names the image from its title and description", () => {
    const svg = renderToString(
      <BarChart
        title={'<b>Titre</b> & "guillemets"'}
        data={[{ label: "<script>alert(1)</script>", value: 3, href: "/admin/x?a=1&b=2" }]}
      />,
    );
    assert.doesNotMatch(svg, /<script>|<b>/);
    assert.match(svg, />&lt;script>alert\(1\)&lt;\/script><\/text>/);
    const labelled = /<svg[^>]* role="img"[^>]* aria-labelledby="([^"]+) ([^"]+)"/.exec(svg);
    assert.ok(labelled, "role=img with two ids");
    assert.match(
      svg,
      new RegExp(`<title id="${labelled[1]}">&lt;b>Titre&lt;/b> &amp; &quot;guillemets&quot;</title>`),
    );
    assert.match(
      svg,
      new RegExp(`<desc id="${labelled[2]}">&lt;script>alert\\(1\\)&lt;/script> : 3\\.</desc>`),
    );
    // The link is for pointers only; the table beside carries it for keyboards.
    assert.match(svg, /<a href="\/admin\/x\?a=1&amp;b=2" tabindex="-1">/);
  });
});

describe("LineChart", () => {
  const series = [
    {
      name: "Satisfaction",
      points: [
        { x: "janv.", y: 6 },
        { x: "févr.", y: null },
        { x: "mars", y: 8 },
        { x: "avr.", y: 9 },
      ],
    },
    {
      name: "Clarté",
      points: [
        { x: "janv.", y: 4 },
        { x: "févr.", y: 5 },
      ],
    },
  ];

  it("gives each series its own dash pattern and marker, names them in a legend, and breaks lines at gaps", () => {
    const svg = renderToString(<LineChart title="Évolution" series={series} yMax={10} />);
    const dashes = [
      ...svg.matchAll(
        /<path d="M[^"]*" fill="none" stroke="([^"]+)" stroke-width="2.5"( stroke-dasharray="([^"]+)")?/g,
      ),
    ];
    // Satisfaction: one run (mars–avr.), janv. alone is a marker only; Clarté: one run.
    assert.equal(dashes.length, 2);
    assert.notEqual(dashes[0]![3], dashes[1]![3]);
    assert.notEqual(dashes[0]![1], dashes[1]![1]);
    assert.match(svg, />Satisfaction<\/text>/);
    assert.match(svg, />Clarté<\/text>/);
    assert.match(
      svg,
      /<desc id="[^"]+">Satisfaction : janv\. 6, févr\. non disponible, mars 8, avr\. 9\. Clarté : janv\. 4, févr\. 5\.<\/desc>/,
    );
    assert.match(svg, /text-anchor="start"[^>]*>janv\.<\/text>/);
    assert.match(svg, /text-anchor="end"[^>]*>avr\.<\/text>/);
    assert.equal(
      (svg.match(/<circle /g) ?? []).length,
      4,
      "the legend's marker and one per known point of the first series",
    );
  });

  it("splits runs at null points and rounds the scale up", () => {
    assert.deepEqual(lineRuns([[0, 1], null, [2, 3], [4, 5]]), [
      [[0, 1]],
      [
        [2, 3],
        [4, 5],
      ],
    ]);
    assert.equal(niceCeiling(73), 100);
    assert.equal(niceCeiling(8.2), 10);
    assert.equal(niceCeiling(180), 200);
    assert.equal(niceCeiling(0), 1);
  });
});

describe("ChartFigure", () => {
  it("puts the chart and a captioned table of the same data in one figure, links in the table", () => {
    const data = [
      { label: "Courriel", value: 12.5, href: "/admin/besoins?canal=email" },
      { label: "Guichet", value: 3, hidden: true },
    ];
    const html = renderToString(
      <ChartFigure
        caption="Demandes par canal"
        table={barChartTable(data, { labelHeader: "Canal", valueHeader: "Part", unit: "%" })}
      >
        <BarChart title="Demandes par canal" data={data} unit="%" />
      </ChartFigure>,
    );
    assert.match(
      html,
      /^<figure class="chart-figure"><figcaption><span class="chart-caption">Demandes par canal<\/span><\/figcaption>/,
    );
    assert.match(
      html,
      /<section class="table-wrap chart-table" aria-labelledby="(tableau-[a-z0-9]+)" tabindex="0"><table><caption id="\1">Données du graphique : Demandes par canal<\/caption>/,
    );
    assert.match(html, /<th scope="col">Canal<\/th><th scope="col">Part<\/th>/);
    assert.match(
      html,
      /<th scope="row"><a href="\/admin\/besoins\?canal=email">Courriel<\/a><\/th><td>12,5\u00a0%<\/td>/,
    );
    assert.match(html, /<th scope="row">Guichet<\/th><td>Échantillon insuffisant<\/td>/);
  });

  it("tables a line chart one row per x and one column per series", () => {
    const table = lineChartTable(
      [
        {
          name: "A",
          points: [
            { x: "janv.", y: 1.5 },
            { x: "févr.", y: null },
          ],
        },
        { name: "B", points: [{ x: "févr.", y: 2 }] },
      ],
      { xHeader: "Mois", yFormat: (v) => `${v} %` },
    );
    assert.deepEqual(table.head, ["Mois", "A", "B"]);
    assert.deepEqual(
      table.rows.map((r) => [r.label, ...r.cells]),
      [
        ["janv.", "1.5 %", "non disponible"],
        ["févr.", "non disponible", "2 %"],
      ],
    );
  });
});

describe("chart palette", () => {
  it("contrasts at least 3:1 for graphics and 4.5:1 for text on white", () => {
    for (const colour of [BAR, AXIS, ...SERIES_STYLES.map((s) => s.color)])
      assert.ok(contrastRatio(colour, BACKGROUND) >= 3, `${colour}: ${contrastRatio(colour, BACKGROUND)}`);
    for (const colour of [TEXT, MUTED_TEXT, ...SERIES_STYLES.map((s) => s.color)])
      assert.ok(contrastRatio(colour, BACKGROUND) >= 4.5, `${colour}`);
    assert.equal(Math.round(contrastRatio("#767676", "#ffffff") * 100) / 100, 4.54);
  });
});
