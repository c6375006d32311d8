/**
 * The blind ledger's own vocabulary: a CPV-like category tree (8-digit codes: 2-digit division,
 * 3rd digit group, 4th digit class), subject templates in English and Chinese, requirement bundles
 * (several categories bought as one requirement, as in the Chengxi signage case), and name parts for
 * buyers and vendors. Written from procurement practice, not from the project's simulator.
 */

/** One leaf of the category tree. */
export interface Leaf {
  readonly code: string;
  /** Typical size of one purchase of this kind, relative to the buyer's own scale. */
  readonly scale: number;
  readonly en: readonly string[];
  readonly zh: readonly string[];
  /** The trade a vendor needs to sell it (vendors are drawn by trade). */
  readonly trade: Trade;
}

export type Trade =
  | 'office' | 'it' | 'fuel' | 'repair' | 'works' | 'media' | 'events' | 'hospitality' | 'travel'
  | 'facility' | 'furniture' | 'medical' | 'design' | 'training' | 'telecom' | 'vehicles' | 'print';

export const LEAVES: readonly Leaf[] = [
  { code: '30192000', scale: 0.3, trade: 'office', en: ['office supplies', 'stationery', 'office consumables'], zh: ['办公用品', '文具', '办公耗材'] },
  { code: '30125100', scale: 0.4, trade: 'office', en: ['toner cartridges', 'printer toner', 'ink cartridges'], zh: ['硒鼓', '墨盒', '打印耗材'] },
  { code: '30197630', scale: 0.25, trade: 'office', en: ['copy paper A4', 'printing paper', 'paper reams'], zh: ['A4复印纸', '打印纸', '复印纸'] },
  { code: '30213100', scale: 2.5, trade: 'it', en: ['laptop computers', 'notebook PCs', 'laptops'], zh: ['笔记本电脑', '便携式计算机', '笔记本'] },
  { code: '30232110', scale: 1.2, trade: 'it', en: ['laser printers', 'multifunction printers', 'printers'], zh: ['激光打印机', '多功能一体机', '打印机'] },
  { code: '48760000', scale: 2, trade: 'it', en: ['antivirus software licences', 'software licences', 'security software'], zh: ['杀毒软件授权', '软件许可', '正版软件'] },
  { code: '72611000', scale: 1.8, trade: 'it', en: ['IT technical support', 'helpdesk support', 'network support services'], zh: ['信息技术支持', '网络运维服务', '技术支持服务'] },
  { code: '72413000', scale: 3, trade: 'it', en: ['website redesign', 'web portal development', 'website maintenance'], zh: ['网站改版', '门户网站开发', '网站维护'] },
  { code: '09134100', scale: 0.8, trade: 'fuel', en: ['diesel fuel', 'fuel for fleet', 'gas oil'], zh: ['柴油', '车辆燃油', '加油费'] },
  { code: '50112000', scale: 1, trade: 'repair', en: ['vehicle repair', 'car servicing', 'fleet maintenance'], zh: ['车辆维修', '公务用车保养', '汽车修理'] },
  { code: '50711000', scale: 1.5, trade: 'repair', en: ['electrical equipment repair', 'building electrical maintenance', 'repair of switchgear'], zh: ['电气设备维修', '配电设施维护', '电路检修'] },
  { code: '50730000', scale: 1.3, trade: 'repair', en: ['air conditioning maintenance', 'HVAC servicing', 'cooling units repair'], zh: ['空调维修', '中央空调保养', '制冷设备维护'] },
  { code: '45233294', scale: 4, trade: 'works', en: ['installation of road signs', 'road signage works', 'direction signs installation'], zh: ['道路指示牌安装', '交通标志牌制作安装', '路牌工程'] },
  { code: '45442100', scale: 3, trade: 'works', en: ['painting works', 'interior repainting', 'wall painting'], zh: ['粉刷工程', '内墙涂刷', '油漆工程'] },
  { code: '45332000', scale: 3, trade: 'works', en: ['plumbing works', 'pipe replacement', 'water pipes repair works'], zh: ['给排水工程', '管道更换', '水管改造'] },
  { code: '45310000', scale: 3.5, trade: 'works', en: ['electrical installation works', 'rewiring', 'lighting installation'], zh: ['电气安装工程', '线路改造', '照明安装'] },
  { code: '45421100', scale: 2.5, trade: 'works', en: ['installation of doors and windows', 'window replacement', 'door fitting'], zh: ['门窗安装', '窗户更换', '门窗改造'] },
  { code: '44423450', scale: 4, trade: 'works', en: ['landmark billboard', 'large outdoor sign tower', 'billboard structure'], zh: ['大型广告牌', '精神堡垒标识塔', '户外广告塔'] },
  { code: '31527200', scale: 2.5, trade: 'works', en: ['lighting of display boards', 'illuminated lettering', 'sign lighting'], zh: ['展示牌亮化', '发光字制作', '广告牌灯光'] },
  { code: '79341000', scale: 2, trade: 'media', en: ['advertising services', 'media campaign', 'newspaper advertisements'], zh: ['广告服务', '媒体宣传', '报纸广告'] },
  { code: '79342200', scale: 2, trade: 'media', en: ['promotional video', 'publicity film production', 'video production'], zh: ['宣传片制作', '形象宣传视频', '视频拍摄'] },
  { code: '79952000', scale: 2.5, trade: 'events', en: ['event services', 'exhibition stand set-up', 'conference organisation'], zh: ['会展服务', '展台搭建', '会议承办'] },
  { code: '79530000', scale: 0.7, trade: 'events', en: ['translation services', 'interpreting', 'document translation'], zh: ['翻译服务', '口译', '文件翻译'] },
  { code: '55520000', scale: 0.9, trade: 'hospitality', en: ['catering', 'working lunch catering', 'refreshments'], zh: ['餐饮服务', '工作餐', '会议茶歇'] },
  { code: '55110000', scale: 0.6, trade: 'hospitality', en: ['hotel accommodation', 'lodging', 'hotel rooms'], zh: ['住宿费', '酒店住宿', '会议住宿'] },
  { code: '60410000', scale: 0.8, trade: 'travel', en: ['air tickets', 'airfare', 'flights'], zh: ['机票', '差旅机票', '飞机票'] },
  { code: '60170000', scale: 0.7, trade: 'travel', en: ['vehicle hire with driver', 'coach hire', 'car rental'], zh: ['租车服务', '大巴租赁', '车辆租赁'] },
  { code: '90911200', scale: 1.2, trade: 'facility', en: ['office cleaning', 'cleaning services', 'janitorial services'], zh: ['保洁服务', '物业保洁', '清洁服务'] },
  { code: '79713000', scale: 1.5, trade: 'facility', en: ['security guard services', 'guarding', 'night security'], zh: ['保安服务', '门卫服务', '夜间值守'] },
  { code: '77311000', scale: 1, trade: 'facility', en: ['grounds maintenance', 'landscaping', 'garden maintenance'], zh: ['园林绿化养护', '绿化维护', '草坪养护'] },
  { code: '39130000', scale: 2, trade: 'furniture', en: ['office furniture', 'desks and cabinets', 'filing cabinets'], zh: ['办公家具', '办公桌椅', '文件柜'] },
  { code: '39112000', scale: 1, trade: 'furniture', en: ['office chairs', 'meeting room chairs', 'ergonomic chairs'], zh: ['办公椅', '会议椅', '人体工学椅'] },
  { code: '33141000', scale: 1, trade: 'medical', en: ['medical consumables', 'disposable gloves and masks', 'first aid supplies'], zh: ['医用耗材', '一次性手套口罩', '急救用品'] },
  { code: '71320000', scale: 3, trade: 'design', en: ['engineering design', 'design study', 'technical drawings'], zh: ['工程设计', '设计方案', '施工图设计'] },
  { code: '71241000', scale: 3, trade: 'design', en: ['feasibility study', 'planning study', 'consultancy report'], zh: ['可行性研究', '规划研究', '咨询报告'] },
  { code: '80510000', scale: 1.2, trade: 'training', en: ['staff training', 'training course', 'workshop for staff'], zh: ['员工培训', '培训课程', '业务培训'] },
  { code: '64212000', scale: 0.8, trade: 'telecom', en: ['mobile phone services', 'telephone bill', 'data plan'], zh: ['手机通讯费', '电话费', '流量套餐'] },
  { code: '34351100', scale: 0.9, trade: 'vehicles', en: ['car tyres', 'tyres', 'winter tyres'], zh: ['汽车轮胎', '轮胎', '雪地胎'] },
  { code: '34144900', scale: 6, trade: 'vehicles', en: ['electric vehicle', 'utility vehicle', 'pick-up truck'], zh: ['新能源汽车', '工程车', '皮卡车'] },
  { code: '79810000', scale: 0.8, trade: 'print', en: ['printing services', 'brochure printing', 'leaflets printing'], zh: ['印刷服务', '宣传册印刷', '传单印制'] },
  { code: '22110000', scale: 0.5, trade: 'print', en: ['books', 'library books', 'reference books'], zh: ['图书', '图书采购', '参考书籍'] },
];

/** Several categories that one requirement can cover; a split of it may spread over them. */
export const BUNDLES: readonly (readonly string[])[] = [
  ['45233294', '44423450', '31527200', '79341000'],
  ['39130000', '39112000', '45442100', '45310000'],
  ['30213100', '48760000', '72611000', '30232110'],
  ['79952000', '55520000', '79810000', '79342200'],
  ['45332000', '45421100', '45442100', '50711000'],
  ['71320000', '71241000', '72413000'],
];

/** The kinds of leaf that a recurring service is (monthly, one vendor). */
export const RECURRING = ['90911200', '79713000', '77311000', '64212000', '72611000', '50730000'] as const;

export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['maintenance', 'maint.'], ['services', 'svcs'], ['service', 'svc'], ['equipment', 'equip.'],
  ['installation', 'instl.'], ['technical', 'tech'], ['development', 'dev'], ['computers', 'PCs'],
  ['accommodation', 'accom.'], ['organisation', 'org.'], ['replacement', 'repl.'], ['electrical', 'elec.'],
]);

export const QUALIFIERS_EN = ['Bldg A', 'Bldg B', 'HQ', 'annex', 'for HR dept', 'for finance unit', 'Q1', 'Q2', 'Q3', 'Q4', 'urgent', 'north depot', 'town hall', 'ref. memo', 'as quoted', 'phase 1', 'phase 2'];
export const QUALIFIERS_ZH = ['（一号楼）', '（二号楼）', '机关本部', '行政科', '财务科', '第一季度', '第二季度', '第三季度', '第四季度', '（急）', '北区', '新馆', '（报价单）', '一期', '二期'];

/** Site or event names that a requirement's parts may all mention. */
export const SITES_EN = ['Riverside Expo', 'Harbour Park', 'Innovation Hub', 'West Campus', 'Old Mill', 'Civic Centre'];
export const SITES_ZH = ['科创大走廊', '滨江会展中心', '西区园区', '文化广场', '新城市民中心', '高新园'];

export const PEOPLE_EN = ['A. Silva', 'J. Smith', 'M. Kowalski', 'R. Patel', 'L. Chen', 'S. Okafor', 'D. Novak', 'K. Jensen', 'P. Rossi', 'T. Nguyen', 'E. Costa', 'H. Müller', 'O. Petrenko', 'N. Haddad', 'F. Moreau', 'G. Ivanova', 'B. Lima', 'C. Walsh'];
export const PEOPLE_ZH = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴婷', '徐强', '孙丽', '马超', '朱琳', '胡斌', '郭敏', '何平', '高翔'];

export const VENDOR_STEMS_EN = ['Northgate', 'Bluewater', 'Kestrel', 'Ironbridge', 'Summit', 'Oakfield', 'Redwood', 'Harbor', 'Pinecrest', 'Silverline', 'Meridian', 'Crown', 'Atlas', 'Beacon', 'Falcon', 'Granite', 'Horizon', 'Juniper', 'Lakeside', 'Maple', 'Nova', 'Orchard', 'Prairie', 'Quarry', 'Ridge', 'Sterling', 'Trident', 'Union', 'Valley', 'Willow', 'Apex', 'Birch', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Glen', 'Heron', 'Inland', 'Jasper'];
export const VENDOR_STEMS_ZH = ['华信', '东方', '金桥', '恒达', '新世纪', '博远', '中正', '瑞丰', '天成', '宏图', '鑫源', '联创', '嘉禾', '汇通', '永安', '星河', '盛世', '华泰', '弘毅', '锦程', '方圆', '卓越', '众诚', '德润', '安泰', '同舟', '领航', '腾飞', '聚贤', '九州', '明德', '佳和', '正大', '银河', '海纳', '昌盛', '远景', '百川', '致远', '和信'];
export const CITIES_ZH = ['杭州', '宁波', '温州', '绍兴', '嘉兴', '湖州', '金华', '上海', '苏州'];

export const TRADE_WORDS: Readonly<Record<Trade, readonly [string, string]>> = {
  office: ['Office Supplies', '办公用品'], it: ['IT Solutions', '信息技术'], fuel: ['Fuels', '石油'],
  repair: ['Maintenance', '维修服务'], works: ['Construction', '建设工程'], media: ['Media', '文化传媒'],
  events: ['Events', '会展服务'], hospitality: ['Hospitality', '酒店管理'], travel: ['Travel', '旅行社'],
  facility: ['Facility Services', '物业管理'], furniture: ['Furniture', '家具'], medical: ['Medical', '医疗器械'],
  design: ['Consulting Engineers', '工程咨询'], training: ['Training', '培训'], telecom: ['Telecom', '通信'],
  vehicles: ['Motors', '汽车销售'], print: ['Printing', '印务'],
};

export const VENDOR_SUFFIXES_EN = ['Ltd', 'Inc.', 'LLC', 'Co.', '& Sons', 'Group', 'Ltd.', 'LTD'];

export const BUYER_UNITS_EN = ['Parks Department', 'Public Works', 'Education Office', 'Health Directorate', 'Fire Service', 'Library Service', 'Transport Agency', 'Water Board', 'Police Logistics', 'Social Services', 'Planning Office', 'Tax Office', 'Statistics Bureau', 'Culture Office', 'Housing Agency', 'Port Authority', 'University Estates', 'Museum Trust', 'Land Registry', 'Civil Defence'];
export const BUYER_UNITS_ZH = ['教育局', '卫生健康委', '交通运输局', '园林文物局', '城管局', '文化广电旅游局', '市场监管局', '科技局', '水利局', '人力社保局', '民政局', '体育局', '商务局', '自然资源局', '应急管理局', '统计局', '档案馆', '图书馆', '管委会', '建设局'];
export const BUYER_PLACES_EN = ['Avonford', 'Brookvale', 'Castleton', 'Dunmore', 'Eastwick', 'Fairhaven'];
export const BUYER_PLACES_ZH = ['西湖区', '拱墅区', '余杭区', '萧山区', '滨江区', '城西科创'];
