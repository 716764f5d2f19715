// The citizen portal's pages as plain semantic HTML strings: no framework and no script. Every value
// from the database goes through `escapeHtml`.

import type { ServiceOnlineLevel } from '../../db/schema/index.js';
import { PORTAL_CSS_VERSION } from './portal-css.js';
import type { ServiceItemView } from './service-items.js';

const SITE_NAME = '残疾人公共服务';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How an item is applied for, in words (never shown by colour alone). */
export const ONLINE_LABELS: Record<ServiceOnlineLevel, string> = {
  counter: '窗口办理',
  online: '可网上办理',
  auto: '可网上办理，秒批（符合条件的当场批准）',
};

type Page = { title: string; body: string; current?: 'catalogue' };

export function layout({ title, body, current }: Page): string {
  const currentAttr = current === 'catalogue' ? ' aria-current="page"' : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${SITE_NAME}</title>
<meta name="description" content="县残联公共服务事项清单：办事条件、所需材料、办理流程和办理地点。">
<link rel="stylesheet" href="/portal/portal.css?v=${PORTAL_CSS_VERSION}">
</head>
<body>
<a class="skip-link" href="#main">跳到主要内容</a>
<header class="site-header">
<div class="wrap">
<p class="site-name"><a href="/portal/">${SITE_NAME}</a></p>
<nav aria-label="网站导航">
<ul><li><a href="/portal/"${currentAttr}>服务事项清单</a></li></ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${body}
</div>
</main>
<footer class="site-footer">
<div class="wrap">
<p>县残疾人联合会 主办。查看本页不需要登录。</p>
<p>看不清或有疑问，可以到办理地点当面咨询，工作人员会帮您办理。</p>
</div>
</footer>
</body>
</html>
`;
}

export function cataloguePage(items: ServiceItemView[]): string {
  const list = items
    .map(
      (item) => `<li>
<h2><a href="/portal/services/${encodeURIComponent(item.code)}">${escapeHtml(item.nameZh)}</a></h2>
<p><span class="label">申请条件：</span>${escapeHtml(firstLine(item.conditions) || '请咨询办理窗口')}</p>
<p><span class="label">办理方式：</span>${escapeHtml(ONLINE_LABELS[item.onlineLevel])}</p>
<p><span class="label">承诺时限：</span>${item.timeLimitDays} 个工作日</p>
</li>`,
    )
    .join('\n');
  const body = `<h1>公共服务事项清单</h1>
<p class="lead">这里列出县残联为残疾人和家属办理的全部服务事项，共 ${items.length} 项，都不收费。点开事项名称，可以看到申请条件、要带的材料、办理流程、办理地点和时间。</p>
${items.length > 0 ? `<ul class="services">\n${list}\n</ul>` : '<p>目前没有可办理的事项。</p>'}`;
  return layout({ title: '公共服务事项清单', body, current: 'catalogue' });
}

export function guidePage(item: ServiceItemView): string {
  const materials =
    item.materials.length > 0
      ? `<ul>\n${item.materials.map((m) => `<li>${escapeHtml(m)}</li>`).join('\n')}\n</ul>`
      : '<p>不需要提交材料。</p>';
  const steps = `<ol>\n${item.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}\n</ol>`;
  const body = `<h1>${escapeHtml(item.nameZh)}</h1>
<section aria-labelledby="basics">
<h2 id="basics">办事须知</h2>
<dl class="facts">
<dt>设定依据</dt><dd>${escapeHtml(item.legalBasis || '—')}</dd>
<dt>申请条件</dt><dd>${escapeHtml(item.conditions || '请咨询办理窗口')}</dd>
<dt>承诺时限</dt><dd>${item.timeLimitDays} 个工作日</dd>
<dt>收费标准</dt><dd>${escapeHtml(item.fees)}</dd>
<dt>办理方式</dt><dd>${escapeHtml(ONLINE_LABELS[item.onlineLevel])}</dd>
</dl>
</section>
<section aria-labelledby="materials">
<h2 id="materials">所需材料</h2>
${materials}
</section>
<section aria-labelledby="steps">
<h2 id="steps">办理流程</h2>
${steps}
</section>
<section aria-labelledby="where">
<h2 id="where">办理地点和时间</h2>
<dl class="facts">
<dt>办理地点</dt><dd>${escapeHtml(item.officeAddress)}</dd>
<dt>办理时间</dt><dd>${escapeHtml(item.officeHours)}</dd>
</dl>
</section>
<p class="back"><a href="/portal/">返回公共服务事项清单</a></p>`;
  return layout({ title: item.nameZh, body });
}

export function notFoundPage(): string {
  const body = `<h1>没有找到这个页面</h1>
<p>您要找的事项不存在，或者已经停止办理。</p>
<p><a href="/portal/">返回公共服务事项清单</a></p>`;
  return layout({ title: '没有找到这个页面', body });
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
