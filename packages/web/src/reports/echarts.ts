/**
 * Apache ECharts, only the parts the report charts draw with (bars, lines, grid, tooltip, legend, the
 * target mark line, canvas). Imported dynamically by Chart.tsx, so the library is a chunk of its own that
 * only the report screens download — never the citizen's first load.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
