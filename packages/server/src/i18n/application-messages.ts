// Messages of applications and their workflow.
export const applicationMessages = {
  APPLICATION_NOT_FOUND: { zh: '申请不存在', en: 'Application not found' },
  ATTACHMENT_NOT_FOUND: { zh: '附件不存在', en: 'Attachment not found' },
  NOT_ELIGIBLE: { zh: '不符合该项目的申请条件', en: 'Not eligible for this programme' },
  DUPLICATE_APPLICATION: {
    zh: '此人（或其户）本年度已有该项目的在办或已批准申请',
    en: 'This person (or household) has an open or approved application for this programme and year already',
  },
  ILLEGAL_TRANSITION: {
    zh: '申请当前状态下不能执行此操作',
    en: 'This action is not possible in the application’s current status',
  },
  ATTACHMENT_CLOSED: {
    zh: '申请已办结，不能再添加材料',
    en: 'The application is decided: no more documents can be added',
  },
  NOT_A_SERVICE_PROGRAM: {
    zh: '只有服务类项目需要安置到定点机构',
    en: 'Only service programmes place persons at institutions',
  },
  INSTITUTION_NOT_DESIGNATED: {
    zh: '该机构未被指定承担此项目，或已停用',
    en: 'This institution is not designated for this programme, or is inactive',
  },
  INSTITUTION_FULL: { zh: '该机构已满员', en: 'This institution is full' },
  ALREADY_PLACED: { zh: '此申请已安置到机构', en: 'This application is placed already' },
  NOT_PLACED: { zh: '此申请尚未安置到机构', en: 'This application is not placed at an institution' },
  PLACEMENT_CLOSED: { zh: '安置已结束', en: 'The placement is closed' },
  COMPLETE_ONE_BY_ONE: {
    zh: '证件业务需逐件办结并录入结果',
    en: 'Certificate services are completed one at a time, with their result',
  },
  INTERNAL_ERROR: { zh: '系统内部错误', en: 'Internal error' },
  'application.COMMENT_REQUIRED': {
    zh: '驳回或退回时必须填写原因',
    en: 'Give a reason when rejecting or returning',
  },
  'application.YEAR_RANGE': {
    zh: '申请年度应在 {from} 至 {to} 年之间',
    en: 'The year must be between {from} and {to}',
  },
} as const;
