import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { render } from "preact-render-to-string";
import { HeatMapTable, heatLevel } from "./heat-map.tsx";

describe("heat map", () => {
  it("shades by quarter of the busiest hour, none for zero", () => {
    assert.deepEqual(
      [0, 1, 5, 6, 10, 11, 15, 16, 20].map((count) => heatLevel(count, 20)),
      [0, 1, 1, 2, 2, 3, 3, 4, 4],
    );
    assert.equal(heatLevel(3, 0), 0);
  });

  it("writes every count in a cell headed by its hour and weekday", () => {
    const counts = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    counts[0]![9] = 20;
    counts[6]![9] = 5;
    const html = render(<HeatMapTable caption="Arrivées" map={{ hours: [9], counts, max: 20, total: 25 }} />);
    assert.match(html, /<caption>Arrivées<\/caption>/);
    assert.match(html, /<th scope="col">Dimanche<\/th><\/tr>/);
    assert.match(
      html,
      /<th scope="row">9 h – 10 h<\/th><td class="heat heat-4">20<\/td><td class="heat heat-0">0<\/td>/,
    );
    assert.match(html, /<td class="heat heat-1">5<\/td><\/tr>/);
  });
});
