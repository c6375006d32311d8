/**
 * The vocabulary of simulated ledgers: CPV-like 8-digit category codes in groups of related items (a
 * group's codes mostly share their first four digits), item names in Chinese and English, typical
 * amounts, vendor names, buyers and projects.
 * Internal to the simulator.
 */

/** A budget domain: what a budget project pays for. */
export type Domain = 'office' | 'it' | 'property' | 'promotion' | 'works' | 'services' | 'general';

export interface Item {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export interface CategoryGroup {
  readonly items: readonly Item[];
  /** Median amount of a routine purchase, CNY. */
  readonly median: number;
  readonly domain: Domain;
  /** Vendor trade in vendor names. */
  readonly tradeZh: string;
  readonly tradeEn: string;
  /** Share of routine purchases in this group (before each buyer's own preference). */
  readonly weight: number;
}

const it = (code: string, zh: string, en: string): Item => ({ code, zh, en });

export const GROUPS: readonly CategoryGroup[] = [
  { items: [it('30192000', '办公用品', 'office supplies'), it('30192700', '文具', 'stationery'), it('30197630', '打印纸', 'printing paper')], median: 900, domain: 'office', tradeZh: '文化用品', tradeEn: 'Office Supplies', weight: 10 },
  { items: [it('30213100', '笔记本电脑', 'laptop computers'), it('30213300', '台式计算机', 'desktop computers'), it('30213200', '平板电脑', 'tablet computers')], median: 6000, domain: 'office', tradeZh: '电脑', tradeEn: 'Computers', weight: 5 },
  { items: [it('30232110', '激光打印机', 'laser printers'), it('30237000', '电脑配件', 'computer parts'), it('30234000', '移动存储设备', 'storage media')], median: 2500, domain: 'office', tradeZh: '数码科技', tradeEn: 'Digital', weight: 5 },
  { items: [it('30121100', '复印机', 'photocopiers'), it('30121400', '多功能一体机', 'multifunction printers')], median: 15000, domain: 'office', tradeZh: '办公设备', tradeEn: 'Office Equipment', weight: 2 },
  { items: [it('39121100', '办公桌', 'office desks'), it('39112000', '办公椅', 'office chairs'), it('39122100', '文件柜', 'filing cabinets')], median: 4000, domain: 'office', tradeZh: '家具', tradeEn: 'Furniture', weight: 3 },
  { items: [it('32250000', '移动电话', 'mobile phones'), it('32552100', '电话机', 'telephone sets')], median: 2500, domain: 'office', tradeZh: '通讯器材', tradeEn: 'Telecom Equipment', weight: 2 },
  { items: [it('48000000', '软件许可', 'software licences'), it('48760000', '杀毒软件', 'anti-virus software')], median: 15000, domain: 'it', tradeZh: '软件', tradeEn: 'Software', weight: 2 },
  { items: [it('72212000', '软件开发服务', 'software development'), it('72212400', '应用系统开发', 'application development')], median: 60000, domain: 'it', tradeZh: '信息技术', tradeEn: 'IT Solutions', weight: 1.5 },
  { items: [it('72253000', '系统运维服务', 'IT support services'), it('72253200', '网络维护', 'network maintenance')], median: 25000, domain: 'it', tradeZh: '网络科技', tradeEn: 'Network Services', weight: 2 },
  { items: [it('48820000', '服务器', 'servers'), it('48821000', '网络存储', 'network storage')], median: 40000, domain: 'it', tradeZh: '系统集成', tradeEn: 'Systems', weight: 1 },
  { items: [it('79411000', '管理咨询', 'management consulting'), it('79412000', '财务咨询', 'financial consulting')], median: 40000, domain: 'services', tradeZh: '咨询', tradeEn: 'Consulting', weight: 1 },
  { items: [it('71410000', '规划研究', 'planning study'), it('71411000', '产业规划编制', 'industrial planning')], median: 70000, domain: 'services', tradeZh: '规划设计', tradeEn: 'Planning', weight: 0.8 },
  { items: [it('79952000', '活动策划执行', 'event management'), it('79952100', '会务组织', 'conference organisation')], median: 35000, domain: 'promotion', tradeZh: '会展', tradeEn: 'Events', weight: 1.5 },
  { items: [it('79956000', '展台搭建', 'exhibition stand construction'), it('79956100', '展览布展', 'exhibition set-up')], median: 30000, domain: 'promotion', tradeZh: '展览展示', tradeEn: 'Exhibitions', weight: 1 },
  { items: [it('79341000', '广告投放', 'advertising'), it('79341400', '媒体宣传', 'media publicity')], median: 25000, domain: 'promotion', tradeZh: '广告传媒', tradeEn: 'Media', weight: 1.5 },
  { items: [it('79823000', '印刷服务', 'printing services'), it('79824000', '宣传册印刷', 'brochure printing')], median: 5000, domain: 'promotion', tradeZh: '印务', tradeEn: 'Print', weight: 3 },
  { items: [it('92111000', '宣传片拍摄', 'promotional film production'), it('92111200', '视频制作', 'video production')], median: 30000, domain: 'promotion', tradeZh: '影视文化', tradeEn: 'Film', weight: 0.6 },
  { items: [it('90911000', '保洁服务', 'cleaning services'), it('90911200', '办公楼清洁', 'office cleaning')], median: 12000, domain: 'property', tradeZh: '保洁', tradeEn: 'Cleaning', weight: 2 },
  { items: [it('79713000', '安保服务', 'security guard services'), it('79714000', '监控值守', 'surveillance services')], median: 18000, domain: 'property', tradeZh: '保安服务', tradeEn: 'Security', weight: 1.5 },
  { items: [it('70332000', '物业管理服务', 'property management'), it('70332200', '设施维护', 'facilities maintenance')], median: 25000, domain: 'property', tradeZh: '物业', tradeEn: 'Property Services', weight: 1.5 },
  { items: [it('50112000', '车辆维修', 'vehicle repair'), it('50112100', '车辆保养', 'vehicle servicing')], median: 2500, domain: 'general', tradeZh: '汽车服务', tradeEn: 'Motors', weight: 3 },
  { items: [it('09132000', '车辆加油', 'fuel'), it('09134200', '柴油', 'diesel fuel')], median: 1500, domain: 'general', tradeZh: '石油', tradeEn: 'Fuels', weight: 3 },
  { items: [it('55520000', '工作餐', 'catering'), it('55521000', '会议餐饮', 'meeting catering')], median: 2500, domain: 'general', tradeZh: '餐饮管理', tradeEn: 'Catering', weight: 3 },
  { items: [it('55120000', '会议场地租赁', 'meeting venue hire'), it('55130000', '酒店住宿', 'hotel accommodation')], median: 8000, domain: 'general', tradeZh: '酒店管理', tradeEn: 'Hotels', weight: 2 },
  { items: [it('60171000', '租车服务', 'vehicle hire'), it('60172000', '包车服务', 'coach hire')], median: 2000, domain: 'general', tradeZh: '汽车租赁', tradeEn: 'Car Hire', weight: 1.5 },
  { items: [it('80530000', '业务培训', 'staff training'), it('80531000', '技能培训', 'skills training')], median: 9000, domain: 'services', tradeZh: '教育咨询', tradeEn: 'Training', weight: 1.5 },
  { items: [it('79212000', '审计服务', 'audit services'), it('79212100', '财务审计', 'financial audit')], median: 25000, domain: 'services', tradeZh: '会计师事务所', tradeEn: 'Audit', weight: 0.6 },
  { items: [it('79110000', '法律咨询', 'legal advice'), it('79111000', '法律顾问服务', 'legal counsel')], median: 20000, domain: 'services', tradeZh: '律师事务所', tradeEn: 'Legal', weight: 0.6 },
  { items: [it('22200000', '报刊订阅', 'newspaper subscriptions'), it('22212000', '期刊订阅', 'periodicals')], median: 1500, domain: 'general', tradeZh: '报刊发行', tradeEn: 'Publishing', weight: 1 },
  { items: [it('64210000', '通信服务', 'telecommunication services'), it('64216000', '宽带服务', 'broadband')], median: 3000, domain: 'general', tradeZh: '通信', tradeEn: 'Telecom', weight: 1.5 },
  { items: [it('18110000', '工作服', 'work uniforms'), it('18130000', '劳保用品', 'protective clothing')], median: 5000, domain: 'general', tradeZh: '服饰', tradeEn: 'Apparel', weight: 1 },
  { items: [it('45453000', '办公室装修', 'office refurbishment'), it('45453100', '墙面地面修缮', 'wall and floor repair')], median: 50000, domain: 'works', tradeZh: '装饰工程', tradeEn: 'Interiors', weight: 0.8 },
  { items: [it('45310000', '电气线路改造', 'electrical installation'), it('45315000', '照明安装', 'lighting installation')], median: 25000, domain: 'works', tradeZh: '机电工程', tradeEn: 'Electrical', weight: 0.8 },
  { items: [it('34928470', '道路指示牌', 'road direction signs'), it('34928400', '景观标识牌', 'landmark signage')], median: 15000, domain: 'works', tradeZh: '标识', tradeEn: 'Signs', weight: 0.5 },
  { items: [it('31527260', '展示牌灯光', 'display board lighting'), it('31520000', '灯具', 'lamps and light fittings')], median: 8000, domain: 'works', tradeZh: '照明', tradeEn: 'Lighting', weight: 0.8 },
  { items: [it('32323000', '显示屏', 'video monitors'), it('32342000', '音响设备', 'loudspeakers')], median: 12000, domain: 'it', tradeZh: '视听', tradeEn: 'Audio Visual', weight: 0.8 },
  { items: [it('33141000', '医用耗材', 'medical consumables'), it('33141100', '急救用品', 'first-aid supplies')], median: 1500, domain: 'general', tradeZh: '医疗器械', tradeEn: 'Medical', weight: 0.8 },
  { items: [it('44411000', '卫浴设备', 'sanitary fittings'), it('44111000', '建筑材料', 'building materials')], median: 6000, domain: 'works', tradeZh: '建材', tradeEn: 'Building Supplies', weight: 0.8 },
];

/**
 * Requirements that real splits cut into different items bought from different vendors: the
 * Chengxi case (signs, a landmark billboard, display-board lighting) and its kin. Each item names a
 * group and an item in it; the items of one requirement may fall in different category groups.
 */
export interface Requirement {
  readonly zh: string;
  readonly en: string;
  readonly domain: Domain;
  readonly parts: readonly (readonly [group: number, item: number])[];
}

const g = (codePrefix: string): number => {
  const i = GROUPS.findIndex((x) => x.items[0]?.code.startsWith(codePrefix));
  if (i < 0) throw new Error(`catalogue: no group ${codePrefix}`);
  return i;
};

export const REQUIREMENTS: readonly Requirement[] = [
  { zh: '科创走廊标识系统', en: 'corridor signage programme', domain: 'works', parts: [[g('3492'), 0], [g('3492'), 1], [g('3152'), 0]] },
  { zh: '招商推介会', en: 'investment promotion fair', domain: 'promotion', parts: [[g('79956'), 0], [g('79952'), 0], [g('7982'), 1], [g('7934'), 1]] },
  { zh: '办公楼装修改造', en: 'office building refit', domain: 'works', parts: [[g('4545'), 0], [g('4545'), 1], [g('4531'), 0], [g('4531'), 1]] },
  { zh: '信息系统建设', en: 'information system build', domain: 'it', parts: [[g('7221'), 0], [g('7221'), 1], [g('4882'), 0], [g('7225'), 0]] },
  { zh: '会议室视听改造', en: 'meeting room AV upgrade', domain: 'it', parts: [[g('3232'), 0], [g('3232'), 1], [g('4531'), 1]] },
  { zh: '产业发展规划', en: 'industrial development plan', domain: 'services', parts: [[g('7141'), 0], [g('7141'), 1], [g('7941'), 0]] },
  { zh: '城市形象宣传', en: 'city image campaign', domain: 'promotion', parts: [[g('9211'), 0], [g('9211'), 1], [g('7934'), 0]] },
  { zh: '新办公区设备配置', en: 'new office fit-out', domain: 'office', parts: [[g('3021'), 1], [g('3021'), 0], [g('3023'), 0], [g('3912'), 0]] },
  { zh: '展馆布展', en: 'showroom exhibition', domain: 'promotion', parts: [[g('79956'), 1], [g('79956'), 0], [g('3152'), 1]] },
  { zh: '机房建设', en: 'server room build', domain: 'it', parts: [[g('4882'), 0], [g('4882'), 1], [g('4800'), 0]] },
];

/** Groups a recurring service is bought from. */
export const RECURRING_GROUPS: readonly number[] = [g('9091'), g('7971'), g('7033'), g('7225')];
/** Groups of monthly service contracts in busy ledgers: the recurring services, telecoms and subscriptions. */
export const MONTHLY_GROUPS: readonly number[] = [...RECURRING_GROUPS, g('6421'), g('2220')];
/** The group of the stationery supplier that takes a buyer's tiny purchases, and the groups it sells. */
export const TINY_GROUPS: readonly number[] = [g('3019'), g('3023')];
/** The group of hotel and venue vendors that bill a delegation's travel. */
export const TRAVEL_GROUP: number = g('5512');

export const DOMAIN_PROJECT: Readonly<Record<Domain, readonly [zh: string, en: string]>> = {
  office: ['办公设备购置', 'Office equipment'],
  it: ['信息化建设', 'IT modernisation'],
  property: ['物业运维', 'Facilities operation'],
  promotion: ['招商宣传推介', 'Investment promotion'],
  works: ['基础设施维修', 'Infrastructure upkeep'],
  services: ['专业咨询服务', 'Professional services'],
  general: ['一般公用经费', 'General running costs'],
};

export const DISTRICTS_ZH = ['西湖区', '余杭区', '拱墅区', '上城区', '滨江区', '萧山区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县', '建德市'];
export const DISTRICTS_EN = ['Westlake', 'Yuhang', 'Gongshu', 'Shangcheng', 'Binjiang', 'Xiaoshan', 'Linping', 'Qiantang', 'Fuyang', 'Lin\'an', 'Tonglu', 'Chun\'an', 'Jiande'];
export const BUREAUS_ZH = ['科创产业集聚区管委会', '教育局', '卫生健康局', '交通运输局', '住房和城乡建设局', '文化广电旅游局', '商务局', '财政局', '市场监督管理局', '生态环境分局', '农业农村局', '人力资源和社会保障局', '民政局', '城市管理局', '应急管理局', '统计局', '档案馆', '图书馆', '疾病预防控制中心', '投资促进局'];
export const BUREAUS_EN = ['Innovation Corridor Committee', 'Education Bureau', 'Health Commission', 'Transport Bureau', 'Housing Bureau', 'Culture and Tourism Bureau', 'Commerce Bureau', 'Finance Bureau', 'Market Regulation Bureau', 'Environment Office', 'Agriculture Bureau', 'Human Resources Bureau', 'Civil Affairs Bureau', 'City Management Bureau', 'Emergency Management Bureau', 'Statistics Bureau', 'Archives', 'Public Library', 'Disease Control Centre', 'Investment Promotion Agency'];
export const DEPTS_ZH = ['办公室', '综合处', '财务处', '规划处', '建设处', '信息中心', '后勤服务中心', '招商处'];
export const DEPTS_EN = ['Admin Office', 'Finance', 'Planning', 'Works', 'IT Centre', 'Facilities', 'Investment Office', 'Communications'];
export const VENDOR_STEMS_ZH = ['华信', '恒达', '博远', '新锐', '东方', '金诚', '瑞丰', '天成', '中正', '宏图', '鼎盛', '嘉禾', '明远', '润泽', '兴业', '永和', '远航', '卓越', '汇通', '宝丰', '智联', '星河', '晨光', '长青'];
export const VENDOR_STEMS_EN = ['Northwind', 'Apex', 'Bluefield', 'Crestline', 'Evergreen', 'Harbor', 'Summit', 'Riverside', 'Keystone', 'Meridian', 'Pinnacle', 'Silverline', 'Oakridge', 'Brightway', 'Cornerstone', 'Lakeshore', 'Redwood', 'Stonebridge', 'Westgate', 'Clearwater', 'Highland', 'Goldcrest', 'Maple', 'Ironwood'];
export const CITIES_ZH = ['杭州', '浙江', '宁波', '上海', ''];
export const LEGAL_ZH = ['有限公司', '股份有限公司', '有限责任公司'];
export const LEGAL_EN = ['Ltd', 'Co., Ltd.', 'Limited', 'LLC', 'Inc.'];
/** Online marketplaces and catalogue sellers: one vendor, every kind of goods. */
export const BIG_VENDORS_ZH = ['京东企业购', '苏宁易购政企', '政采云电子卖场', '得力集团有限公司'];
export const BIG_VENDORS_EN = ['Amazon Business', 'Staples Business Advantage', 'Office Depot', 'Lyreco'];
/** Seasonality: relative purchase intensity by month (Spring Festival lull, year-end budget flush). */
export const MONTH_WEIGHTS = [0.65, 0.55, 0.95, 1, 1, 1.05, 0.95, 0.9, 1, 1, 1.15, 1.75];
/** Batch words of Chinese subject lines. */
export const BATCH_ZH = ['一期', '二期', '第一批', '第二批', '补充'];
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Methods of routine purchases, in the order of {@link ROUTINE_METHOD_WEIGHTS}. */
export const ROUTINE_METHODS_ZH = ['询价', '直接采购', '定点采购', '公务卡', '电子卖场'];
export const ROUTINE_METHODS_EN = ['request for quotation', 'direct award', 'framework call-off', 'purchasing card', 'e-marketplace'];
export const ROUTINE_METHOD_WEIGHTS = [0.25, 0.35, 0.15, 0.15, 0.1];
/** Methods of negotiated purchases (the parts of a scheme, a lone purchase just below a tier). */
export const NEGOTIATED_METHODS_ZH = ['询价', '直接采购', '单一来源', '竞争性磋商'];
export const NEGOTIATED_METHODS_EN = ['request for quotation', 'direct award', 'single source', 'competitive negotiation'];
/** Subjects that say nothing about what was bought: the subject field of sparse ledgers. */
export const VAGUE_SUBJECTS_ZH = ['采购', '办公经费', '物资', '服务费', '杂项', '付款', '报销', '日常支出'];
export const VAGUE_SUBJECTS_EN = ['Goods', 'Services', 'Supplies', 'Sundries', 'Miscellaneous', 'Invoice', 'Payment', 'As per invoice', 'General expenses'];
/** Methods that say the purchase was competed or called off a framework: never left blank. */
export const COMPETED_METHODS = new Set(['公开招标', 'public tender', '定点采购', '框架协议', 'framework call-off']);
/** Where delegations go, and travellers' names, for travel charged per person. */
export const DESTINATIONS_ZH = ['深圳', '成都', '新加坡', '德国', '日本'];
export const DESTINATIONS_EN = ['Brussels', 'Singapore', 'Berlin', 'Tokyo', 'Boston'];
export const SURNAMES_ZH = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'].map((x) => `${x}某`);
export const SURNAMES_EN = ['A. Smith', 'B. Jones', 'C. Taylor', 'D. Brown', 'E. Williams', 'F. Wilson', 'G. Johnson', 'H. Davies', 'J. Patel', 'K. Wright', 'L. Walker', 'M. Evans'];
/** Sites a buyer's works and routine purchases may name: `Civic Centre refurbishment – lighting`. */
export const SITES_ZH = ['市民中心', '滨江公园', '科创大厦', '科技馆', '老城广场', '港区图书馆', '北部停车场', '城西文化礼堂'];
export const SITES_EN = ['Civic Centre', 'Elm Street Park', 'Innovation Tower', 'Science Hall', 'Old Town Square', 'Harbour Library', 'North Depot', 'Kingsway Pavilion'];
/** Works at a site, as a site bundle's subjects name them. */
export const SITE_WORKS_ZH = ['改造提升', '修缮', '升级改造', '装修'];
export const SITE_WORKS_EN = ['refurbishment', 'upgrade', 'renovation', 'fit-out'];
