// uPlot (canvas, no eval: fine under the extension's CSP) in a React box that follows its width.
// The chart is made again when its options or data change: the dashboard's data are small.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export function UPlotChart(props: { options: Omit<uPlot.Options, 'width'>; data: uPlot.AlignedData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const { options, data } = props;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot({ ...options, width: Math.max(200, el.clientWidth) }, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height: options.height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [options, data]);
  return <div ref={box} className="chart" role="img" aria-label={props.label} />;
}
