import { describe, expect, it } from 'vitest';
import { allChartSpecs } from '../../emulator/charts';
import { gas } from './helpers';

function seedMonths(sheet: any) {
  sheet.getRange('A1:C3').setValues([
    ['Month', 'Sales', 'Target'],
    ['2025-01', 41000, 65000],
    ['2025-02', 70250.5, 65000],
  ]);
  sheet.getRange('B2:C3').setNumberFormat('$#,##0.00');
}

describe('embedded charts', () => {
  it('records the whole builder spec and gives the chart an id on insert', () => {
    const { g } = gas();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    seedMonths(sheet);
    const chart = sheet
      .newChart()
      .asComboChart()
      .addRange(sheet.getRange('A1:C3'))
      .setOption('title', 'Sales vs target')
      .setOption('seriesType', 'bars')
      .setOption('series', { 1: { type: 'line' } })
      .setPosition(5, 2, 10, 20)
      .setNumHeaders(1)
      .setMergeStrategy(g.Charts.ChartMergeStrategy.MERGE_COLUMNS)
      .setTransposeRowsAndColumns(false)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(typeof inserted.getChartId()).toBe('number');
    expect(inserted.getOptions().get('title')).toBe('Sales vs target');
    expect(inserted.getOptions().get('series')).toEqual({ 1: { type: 'line' } });
    expect(inserted.getOptions().get('missing')).toBeNull();
    expect(inserted.getRanges().map((r: any) => r.getA1Notation())).toEqual(['A1:C3']);
    expect(inserted.getContainerInfo().getAnchorRow()).toBe(5);
  });

  it("produces a JSON-safe spec with the ranges' current values for the playground", () => {
    const { g, workbook } = gas();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    seedMonths(sheet);
    sheet.insertChart(
      sheet.newChart().setChartType(g.Charts.ChartType.LINE).addRange(sheet.getRange('A1:B3')).build(),
    );
    sheet.getRange('D1:D2').setValues([['Day'], [new Date('2025-03-01T08:00:00Z')]]);
    sheet.insertChart(sheet.newChart().asTableChart().addRange(sheet.getRange('D1:D2')).build());
    const [spec, table] = allChartSpecs(workbook);
    expect(table.ranges[0].values).toEqual([['Day'], ['2025-03-01T08:00:00.000Z']]);
    expect(table.ranges[0].displayValues).toEqual([['Day'], ['2025-03-01']]);
    expect(spec).toMatchObject({ sheet: 'Sheet1', type: 'LINE', numHeaders: -1 });
    expect(spec.ranges).toEqual([
      {
        a1: 'Sheet1!A1:B3',
        values: [
          ['Month', 'Sales'],
          ['2025-01', 41000],
          ['2025-02', 70250.5],
        ],
        displayValues: [
          ['Month', 'Sales'],
          ['2025-01', '$41,000.00'],
          ['2025-02', '$70,250.50'],
        ],
      },
    ]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('modifies a chart in place with modify() + updateChart, keeping its id', () => {
    const { g } = gas();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    seedMonths(sheet);
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B3')).build());
    const [chart] = sheet.getCharts();
    const id = chart.getChartId();
    sheet.updateChart(
      chart
        .modify()
        .clearRanges()
        .addRange(sheet.getRange('A1:C3'))
        .asLineChart()
        .setOption('title', 'v2')
        .build(),
    );
    const [updated] = sheet.getCharts();
    expect(sheet.getCharts()).toHaveLength(1);
    expect(updated.getChartId()).toBe(id);
    expect(updated.getOptions().get('title')).toBe('v2');
    expect(updated.getRanges()[0].getA1Notation()).toBe('A1:C3');
    sheet.removeChart(updated);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it('knows every chart type the builders offer', () => {
    const { g } = gas();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const types = [
      'asAreaChart',
      'asBarChart',
      'asColumnChart',
      'asComboChart',
      'asLineChart',
      'asPieChart',
    ].map((m) => sheet.newChart()[m]().getChartType());
    expect(types).toEqual(['AREA', 'BAR', 'COLUMN', 'COMBO', 'LINE', 'PIE']);
    expect(() => sheet.newChart().setChartType('DONUT')).toThrow('Invalid argument: type (DONUT)');
  });
});
