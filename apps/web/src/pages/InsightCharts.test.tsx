import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart, Legend, LineChart, type Series } from './InsightCharts';

const labels = ['2025-K3', '2025-K4', '2026-K1'];
const series: Series[] = [
  { label: 'Uw gemeente', className: 'kern-chart__own', values: [72.5, null, 80] },
  { label: 'Mediaan gelijke grootte', className: 'kern-chart__peers', values: [70, 71, 74] },
];

describe('insight charts', () => {
  it('a bar chart is one image named by its title and described in words, with a bar per known value', () => {
    render(<BarChart id="peers" title="Vergelijking" desc="Staafdiagram per kwartaal; de tabel hieronder bevat dezelfde cijfers." labels={labels} series={series} />);
    const chart = screen.getByRole('img', { name: /^Vergelijking Staafdiagram per kwartaal/ });
    expect(chart.getAttribute('aria-labelledby')).toBe('peers-title peers-desc');
    // Five known values (one quarter of the own municipality is unknown): five bars, none for the gap.
    expect(chart.querySelectorAll('rect')).toHaveLength(5);
    expect(chart.querySelectorAll('.kern-chart__own rect')).toHaveLength(2);
  });

  it('the axes are hidden from assistive technology; the quarters are drawn as labels', () => {
    render(<LineChart id="trend" title="Verloop" desc="Lijndiagram" labels={labels} series={series} />);
    const chart = screen.getByRole('img', { name: 'Verloop Lijndiagram' });
    const axes = chart.querySelector('.kern-chart__axes');
    expect(axes?.getAttribute('aria-hidden')).toBe('true');
    expect(within(axes as HTMLElement).getByText('2026-K1')).toBeTruthy();
    expect(chart.querySelectorAll('polyline')).toHaveLength(2);
    expect(chart.querySelectorAll('circle')).toHaveLength(5);
  });

  it('the legend names every series in text, its colour swatch hidden', () => {
    render(<Legend series={series} />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.textContent?.trim())).toEqual(['Uw gemeente', 'Mediaan gelijke grootte']);
    expect(items.every((i) => i.querySelector('svg')?.getAttribute('aria-hidden') === 'true')).toBe(true);
  });
});
