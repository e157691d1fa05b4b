# Independent checks for PenaltyReward / KeyDissatisfiers (numpy lstsq, scipy t, brute-force Shapley)
import csv, itertools, math
import numpy as np
from scipy import stats
rows=list(csv.DictReader(open("prca.csv")))
Y=np.array([float(r["overall"]) for r in rows]); keys=("website","staff","price")
A={k:np.array([float(r[k]) for r in rows]) for k in keys}
ids=np.array([int(r["id"]) for r in rows])
def prca(low, high, w=None, standardised=False):
    n=len(Y); w=np.ones(n) if w is None else w
    cols=[]
    for i,k in enumerate(keys):
        cols+=[low[i](A[k]).astype(float), high[i](A[k]).astype(float)]
    X=np.column_stack([np.ones(n)]+cols); sw=np.sqrt(w)
    b,*_=np.linalg.lstsq(X*sw[:,None], Y*sw, rcond=None)
    e=Y-X@b; df=n-X.shape[1]; s2=(w*e*e).sum()/df
    cov=s2*np.linalg.inv(X.T@(w[:,None]*X)); se=np.sqrt(np.diag(cov))
    yb=(w*Y).sum()/w.sum(); r2=1-(w*e*e).sum()/(w*(Y-yb)**2).sum(); adj=1-(1-r2)*(n-1)/df
    if standardised:
        sdy=math.sqrt((w*(Y-yb)**2).sum()/w.sum())
        f=np.array([1.0]+[math.sqrt((w*(c-(w*c).sum()/w.sum())**2).sum()/w.sum())/sdy for c in cols])
        b=b*f; se=se*f
    t=b/se; p=2*stats.t.sf(abs(t),df)
    print("n=%d df=%d R2=%.17g adj=%.17g sigma=%.17g"%(n,df,r2,adj,math.sqrt(s2)))
    for j in range(len(b)): print("  %d b=%.17g se=%.17g t=%.17g p=%.17g"%(j,b[j],se[j],t[j],p[j]))
    for i,k in enumerate(keys):
        pen=b[1+2*i]; rew=b[2+2*i]; R=rew+abs(pen)
        print("  %-8s rios=%.17g sgp=%.17g dgp=%.17g ia=%.17g"%(k,R,rew/R,abs(pen)/R,(rew-abs(pen))/R))
le2=lambda v:v<=2; ge5=lambda v:v>=5
print("== unweighted default"); prca([le2]*3,[ge5]*3)
w=1.0+(ids%3)
print("== weighted w=1+(id mod 3)"); prca([le2]*3,[ge5]*3,w)
print("== standardised unweighted"); prca([le2]*3,[ge5]*3,None,True)
print("== standardised weighted"); prca([le2]*3,[ge5]*3,w,True)
print("== per-attribute: low website<=2, staff<=1, price<2 ; high website>=5, staff>4, price>=4")
prca([le2,lambda v:v<=1,lambda v:v<2],[ge5,lambda v:v>4,lambda v:v>=4])
def kd(ycut, xcut, w=None, enh=False):
    n=len(Y); w=np.ones(n) if w is None else w
    yd=(Y>=ycut) if enh else (Y<=ycut)
    xd={k:((A[k]>=xcut[i]) if enh else (A[k]<=xcut[i])) for i,k in enumerate(keys)}
    def share(m,g): return (w*m)[g].sum()/w[g].sum()
    def v(S):
        if not S: return 0.0
        a=np.zeros(n,bool)
        for k in S: a|=xd[k]
        return share(a,yd)-share(a,~yd)
    p=len(keys)
    print("target n=%d other=%d"%(yd.sum(),(~yd).sum()))
    tot=0
    for j in keys:
        o=[k for k in keys if k!=j]; s=0.0
        for r in range(p):
            for S in itertools.combinations(o,r):
                s+=math.factorial(r)*math.factorial(p-r-1)/math.factorial(p)*(v(S+(j,))-v(S))
        tot+=s
        print("  %-8s shapley=%.17g reach=%.17g noise=%.17g"%(j,s,share(xd[j],yd),share(xd[j],~yd)))
    print("  v(all)=%.17g sum=%.17g reach(all)=%.17g noise(all)=%.17g"%(v(keys),tot, v(keys)+0, 0))
    a=np.zeros(n,bool)
    for k in keys: a|=xd[k]
    print("  reach(all)=%.17g noise(all)=%.17g"%(share(a,yd),share(a,~yd)))
print("== kd"); kd(5,[2,2,2])
print("== kd weighted"); kd(5,[2,2,2],w)
print("== kea y>=9 x>=5"); kd(9,[5,5,5],None,True)
print("== kd per-attr y<=6, x<=(2,1,2)"); kd(6,[2,1,2])
