/** Word lists for believable Indian distribution data. */
export const regions = ['North', 'South', 'East', 'West'] as const;

export const areasByRegion: Record<(typeof regions)[number], readonly string[]> = {
  North: ['Delhi NCR', 'Punjab', 'Uttar Pradesh', 'Rajasthan'],
  South: ['Chennai', 'Bengaluru', 'Hyderabad', 'Kochi'],
  East: ['Kolkata', 'Bhubaneswar', 'Patna', 'Guwahati'],
  West: ['Mumbai', 'Pune', 'Ahmedabad', 'Indore'],
};

export const stateCodeByRegion: Record<(typeof regions)[number], string> = {
  North: '07',
  South: '33',
  East: '19',
  West: '27',
};

export const distributorChannels = ['General Trade', 'Modern Trade', 'Rural'] as const;
export const outletChannels = ['Grocery', 'Chemist', 'Pan Plus', 'Modern Trade', 'HoReCa'] as const;

export const firmWords = [
  'Shree Ganesh',
  'Balaji',
  'Laxmi',
  'Sai Krishna',
  'Om Sai',
  'Vinayak',
  'Mahalaxmi',
  'Jai Ambe',
  'Siddhi',
  'Annapurna',
  'Shiv Shakti',
  'Gurukrupa',
  'Kaveri',
  'Ganga',
  'Surya',
  'Navkar',
  'Sri Venkateswara',
  'Maruti',
  'Bharat',
  'Royal',
  'National',
  'Prakash',
  'Jyoti',
  'Kamdhenu',
];
export const firmSuffixes = ['Traders', 'Distributors', 'Agencies', 'Enterprises', 'Marketing', 'Sales Corporation'];
export const outletWords = [
  'Sharma',
  'Gupta',
  'Patel',
  'Reddy',
  'Iyer',
  'Das',
  'Khan',
  'Singh',
  'Mehta',
  'Nair',
  'Joshi',
  'Yadav',
  'Ghosh',
  'Pillai',
  'Verma',
  'Kulkarni',
  'Chopra',
  'Bose',
  'Shetty',
  'Mishra',
  'New',
  'Sri',
  'Apna',
  'Janta',
];
export const outletSuffixes: Record<(typeof outletChannels)[number], readonly string[]> = {
  Grocery: ['General Store', 'Kirana', 'Provision Store', 'Super Bazaar'],
  Chemist: ['Medical Store', 'Pharmacy', 'Chemists'],
  'Pan Plus': ['Pan Bhandar', 'Cold Drinks', 'Tea Stall'],
  'Modern Trade': ['Mart', 'Hypermarket', 'Fresh'],
  HoReCa: ['Restaurant', 'Hotel', 'Caterers', 'Dhaba'],
};

export const brands = [
  { brand: 'Sunrise', category: 'Beverages', subcategories: ['Tea', 'Coffee', 'Health Drinks'] },
  { brand: 'Crunchy', category: 'Snacks', subcategories: ['Chips', 'Namkeen', 'Biscuits'] },
  { brand: 'Glow', category: 'Personal Care', subcategories: ['Soap', 'Shampoo', 'Face Wash'] },
  { brand: 'Sparkle', category: 'Home Care', subcategories: ['Detergent', 'Dishwash', 'Floor Cleaner'] },
  { brand: 'Nutri', category: 'Foods', subcategories: ['Atta', 'Oats', 'Noodles'] },
  { brand: 'Fizz', category: 'Beverages', subcategories: ['Soft Drinks', 'Juices'] },
  { brand: 'Pure', category: 'Personal Care', subcategories: ['Toothpaste', 'Hair Oil'] },
  { brand: 'Prime', category: 'Foods', subcategories: ['Spices', 'Ready to Cook'] },
] as const;
export const packSizes = ['50 g', '100 g', '200 g', '500 g', '1 kg', '100 ml', '250 ml', '500 ml', '1 L', '5 L'];
