export const   value =  { a:1,b:2 }
