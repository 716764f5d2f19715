// Messages of the citizen portal's public API.
export const portalMessages = {
  SERVICE_ITEM_NOT_FOUND: { zh: '服务事项不存在', en: 'Service item not found' },
};
